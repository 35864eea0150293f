package io.threadcheck.core.analyse.deadlock;

import io.threadcheck.core.record.Site;
import io.threadcheck.core.record.SymbolTable;
import io.threadcheck.core.record.ThreadTable;
import io.threadcheck.core.report.DeadlockReport;
import io.threadcheck.core.report.DeadlockReport.Status;
import io.threadcheck.core.report.DeadlockReport.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns concrete cycles into reports: one per cycle of sites (the rotation-normalised sequence
 * of held and acquire sites), counting the concrete cycles (lock objects, threads) that were
 * not ordered away; CONFIRMED when one of them is. Reports come in the order their earliest
 * edge was detected, each cycle starting at that edge.
 */
final class CycleReports {

    /** Concrete cycles at most tried for confirmation per cycle of sites. */
    static final int MAX_CONFIRMED_TRIES = 16;

    /** A cycle of sites: (held, acquire) per step, rotated to its smallest form. */
    private record Sites(int[] pairs) {
        static Sites of(LockEdge[] cycle) {
            int k = cycle.length;
            int[] best = null;
            for (int r = 0; r < k; r++) {
                int[] p = new int[2 * k];
                for (int i = 0; i < k; i++) {
                    LockEdge e = cycle[(r + i) % k];
                    p[2 * i] = e.heldSite;
                    p[2 * i + 1] = e.acquireSite;
                }
                if (best == null || Arrays.compare(p, best) < 0) best = p;
            }
            return new Sites(best);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sites s && Arrays.equals(pairs, s.pairs);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(pairs);
        }
    }

    private final SymbolTable symbols;
    private final ThreadTable threads;

    CycleReports(SymbolTable symbols, ThreadTable threads) {
        this.symbols = symbols;
        this.threads = threads;
    }

    List<DeadlockReport> build(List<LockEdge[]> cycles, CycleJudge judge) {
        Map<Sites, List<LockEdge[]>> groups = new LinkedHashMap<>();
        for (LockEdge[] c : cycles) {
            LockEdge[] rotated = fromEarliest(c);
            groups.computeIfAbsent(Sites.of(rotated), s -> new ArrayList<>()).add(rotated);
        }
        List<List<LockEdge[]>> ordered = new ArrayList<>(groups.values());
        Comparator<LockEdge[]> byEarliest = Comparator.comparingLong(c -> c[0].seq);
        for (List<LockEdge[]> g : ordered) g.sort(byEarliest.thenComparing(CycleReports::seqs, Arrays::compare));
        ordered.sort(Comparator.comparing(g -> g.get(0), byEarliest.thenComparing(CycleReports::seqs, Arrays::compare)));

        List<DeadlockReport> out = new ArrayList<>();
        for (List<LockEdge[]> group : ordered) {
            LockEdge[] shown = null;
            boolean confirmed = false;
            long count = 0;
            int tries = 0;
            for (LockEdge[] c : group) {
                boolean tryConfirm = !confirmed && tries < MAX_CONFIRMED_TRIES;
                CycleJudge.Verdict v = judge.judge(c, tryConfirm);
                if (v == CycleJudge.Verdict.ORDERED) continue;
                if (tryConfirm) tries++;
                count++;
                if (v == CycleJudge.Verdict.CONFIRMED && !confirmed) {
                    confirmed = true;
                    shown = c;
                } else if (shown == null) {
                    shown = c;
                }
            }
            if (shown != null) out.add(report(shown, confirmed ? Status.CONFIRMED : Status.POTENTIAL, count));
        }
        return out;
    }

    private static long[] seqs(LockEdge[] c) {
        long[] s = new long[c.length];
        for (int i = 0; i < c.length; i++) s[i] = c[i].seq;
        return s;
    }

    /** The cycle rotated to start at its earliest-detected edge. */
    private static LockEdge[] fromEarliest(LockEdge[] c) {
        int at = 0;
        for (int i = 1; i < c.length; i++) {
            if (c[i].seq < c[at].seq) at = i;
        }
        LockEdge[] r = new LockEdge[c.length];
        for (int i = 0; i < c.length; i++) r[i] = c[(at + i) % c.length];
        return r;
    }

    private DeadlockReport report(LockEdge[] cycle, Status status, long count) {
        List<Step> steps = new ArrayList<>(cycle.length);
        for (LockEdge e : cycle) {
            Site held = site(e.heldSite);
            Site acquire = site(e.acquireSite);
            List<Site> acquireStack = e.acquireStack != null && !e.acquireStack.isEmpty()
                    ? e.acquireStack : acquire == null ? List.of() : List.of(acquire);
            steps.add(new Step(threads.name(e.tid), e.tid, e.from.name(), held, heldStack(held, e.acquireStack),
                    e.to.name(), acquire, acquireStack));
        }
        return new DeadlockReport(status, steps, count);
    }

    /**
     * Where the held lock was taken: its site, then the callers of the method that took it, read
     * off the later acquisition's stack when that method is still on it (innermost match).
     */
    static List<Site> heldStack(Site held, List<Site> acquireStack) {
        if (held == null) return List.of();
        List<Site> out = new ArrayList<>();
        out.add(held);
        if (acquireStack != null) {
            for (int i = 0; i < acquireStack.size(); i++) {
                Site f = acquireStack.get(i);
                if (f.className().equals(held.className()) && f.method().equals(held.method())) {
                    out.addAll(acquireStack.subList(i + 1, acquireStack.size()));
                    break;
                }
            }
        }
        return out;
    }

    private Site site(int id) {
        return id >= 0 && id < symbols.siteCount() ? symbols.siteAt(id) : null;
    }
}
