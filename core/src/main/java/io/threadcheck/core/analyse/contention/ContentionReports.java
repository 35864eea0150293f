package io.threadcheck.core.analyse.contention;

import io.threadcheck.core.record.Site;
import io.threadcheck.core.record.SymbolTable;
import io.threadcheck.core.report.ContentionReport;
import io.threadcheck.core.report.ContentionReport.Blame;
import io.threadcheck.core.report.ContentionReport.SiteTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns lock records into the report's {@code contention} list, after the run.
 *
 * <p>A lock is listed when it was taken at least once and either a thread waited for it, a thread
 * waited on it in wait/await, or it was held {@link ContentionProfiler#HOLD_CUT_NANOS} in total:
 * a lock nobody waited for and that was held less than that cannot have slowed the run down
 * noticeably. Order: total lock wait, then total hold, descending; at most {@link #MAX_LOCKS}
 * locks, and {@link #MAX_SITES} sites and blame pairs per lock.
 */
final class ContentionReports {

    static final int MAX_LOCKS = 50;
    static final int MAX_SITES = 10;

    private static final Comparator<LockStats> MOST_COSTLY = Comparator
            .comparingLong((LockStats s) -> s.waitNanos).reversed()
            .thenComparing(Comparator.comparingLong((LockStats s) -> s.holdNanos).reversed())
            .thenComparing(Comparator.comparingLong((LockStats s) -> s.conditionWaitNanos).reversed())
            .thenComparing(Comparator.comparingLong((LockStats s) -> s.acquisitions).reversed());

    private static final Comparator<SiteTotals.Total> LONGEST = Comparator
            .comparingLong(SiteTotals.Total::nanos).reversed()
            .thenComparing(Comparator.comparingLong(SiteTotals.Total::count).reversed())
            .thenComparingLong(SiteTotals.Total::key);

    private ContentionReports() {}

    static List<ContentionReport> build(List<LockStats> locks, SymbolTable symbols, long runNanos) {
        List<LockStats> listed = new ArrayList<>();
        for (LockStats s : locks) {
            synchronized (s) { // a shared side's waits are recorded under it
                if (worthReporting(s)) listed.add(s);
            }
        }
        listed.sort(MOST_COSTLY);
        List<ContentionReport> out = new ArrayList<>(Math.min(listed.size(), MAX_LOCKS));
        for (LockStats s : listed) {
            if (out.size() == MAX_LOCKS) break;
            synchronized (s) {
                out.add(report(s, symbols, runNanos));
            }
        }
        return List.copyOf(out);
    }

    static boolean worthReporting(LockStats s) {
        return s.acquisitions > 0
                && (s.contended > 0 || s.conditionWaitNanos > 0 || s.holdNanos >= ContentionProfiler.HOLD_CUT_NANOS);
    }

    private static ContentionReport report(LockStats s, SymbolTable symbols, long runNanos) {
        double holdShare = runNanos > 0 ? (double) s.holdNanos / runNanos : 0;
        return new ContentionReport(s.label.text(), s.kind, site(symbols, s.firstSite),
                s.acquisitions, s.contended, s.waitNanos, s.maxWaitNanos, s.holdNanos,
                s.percentile(0.50), s.percentile(0.90), s.percentile(0.99),
                s.conditionWaitNanos, holdShare,
                siteTimes(s.waitingSites(), symbols), siteTimes(s.holdingSites(), symbols),
                blame(s.blame(), symbols));
    }

    private static List<SiteTime> siteTimes(SiteTotals totals, SymbolTable symbols) {
        List<SiteTime> out = new ArrayList<>();
        if (totals == null) return out;
        for (SiteTotals.Total t : top(totals)) {
            Site site = site(symbols, (int) t.key());
            if (site != null) out.add(new SiteTime(site, t.count(), t.nanos()));
            if (out.size() == MAX_SITES) break;
        }
        return out;
    }

    private static List<Blame> blame(SiteTotals totals, SymbolTable symbols) {
        List<Blame> out = new ArrayList<>();
        if (totals == null) return out;
        for (SiteTotals.Total t : top(totals)) {
            Site holder = site(symbols, SiteTotals.first(t.key()));
            Site waiter = site(symbols, SiteTotals.second(t.key()));
            if (holder != null && waiter != null) out.add(new Blame(holder, waiter, t.count(), t.nanos()));
            if (out.size() == MAX_SITES) break;
        }
        return out;
    }

    private static List<SiteTotals.Total> top(SiteTotals totals) {
        List<SiteTotals.Total> all = totals.totals();
        all.sort(LONGEST);
        return all;
    }

    private static Site site(SymbolTable symbols, int id) {
        return id >= 0 && id < symbols.siteCount() ? symbols.siteAt(id) : null;
    }
}
