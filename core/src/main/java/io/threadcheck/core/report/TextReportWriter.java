package io.threadcheck.core.report;

import io.threadcheck.core.record.Site;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders a {@link Report} for people, in the manner of ThreadSanitizer: one block per race
 * between {@code ==================} rules, the access that detected the race first, then the
 * earlier one, then where the threads were started; then deadlocks and contention when there
 * are any; and always one closing summary line ({@link #summaryLine}).
 *
 * <p>Only names and locations are printed (variables, threads, locks, frames), never values.
 * Names are printed with control characters escaped, so every line of the report stays one line.
 * Lines end with {@code \n}. Instances are stateless and thread-safe.
 */
public final class TextReportWriter {

    static final String RULE = "==================";

    /** Writes the report to {@code out}, flushing but not closing it. */
    public void write(Report report, Writer out) throws IOException {
        for (RaceReport race : report.races()) {
            StringBuilder sb = new StringBuilder();
            appendRace(sb, race);
            out.write(sb.toString());
        }
        if (!report.deadlocks().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (DeadlockReport deadlock : report.deadlocks()) appendDeadlock(sb, deadlock);
            out.write(sb.toString());
        }
        // The console shows the locks threads really waited for; the JSON report has them all.
        List<ContentionReport> waitedFor = new ArrayList<>();
        for (ContentionReport c : report.contention()) {
            if (c.contended() > 0) waitedFor.add(c);
        }
        if (!waitedFor.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            appendContention(sb, waitedFor);
            out.write(sb.toString());
        }
        out.write(summaryLine(report));
        out.write('\n');
        out.flush();
    }

    /** Writes the report to {@code file} in UTF-8, replacing it; parent directories are created. */
    public void write(Report report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(report, out);
        }
    }

    /** The whole text report as a string. */
    public String render(Report report) {
        StringWriter out = new StringWriter();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return out.toString();
    }

    /**
     * The closing line, without line end: {@code threadcheck: 2 data races (distinct site pairs),
     * 0 deadlocks; checked 3 threads, 5 classes, 2000 accesses, 12 sync events in 150 ms}, or
     * {@code threadcheck: no data races found; checked ...} when there are neither races nor deadlocks.
     */
    public static String summaryLine(Report report) {
        StringBuilder sb = new StringBuilder("threadcheck: ");
        int races = report.races().size();
        int deadlocks = report.deadlocks().size();
        if (races == 0 && deadlocks == 0) {
            sb.append("no data races found");
        } else {
            sb.append(races).append(races == 1 ? " data race (distinct site pair), " : " data races (distinct site pairs), ")
              .append(plural(deadlocks, "deadlock", "deadlocks"));
        }
        RunSummary run = report.run();
        if (run == null) {
            sb.append("; no run summary");
        } else {
            sb.append("; checked ")
              .append(plural(run.threads(), "thread", "threads")).append(", ")
              .append(plural(run.instrumentedClasses(), "class", "classes")).append(", ")
              .append(plural(run.accesses(), "access", "accesses")).append(", ")
              .append(plural(run.syncEvents(), "sync event", "sync events"))
              .append(" in ").append(run.durationMillis()).append(" ms");
        }
        return sb.toString();
    }

    // ---- races -------------------------------------------------------------------------------

    private static void appendRace(StringBuilder sb, RaceReport race) {
        sb.append(RULE).append('\n');
        sb.append("WARNING: threadcheck: data race on ").append(name(race.variable()));
        if (race.count() > 1) sb.append(" (seen ").append(race.count()).append(" times)");
        sb.append('\n');

        Access later = race.later();
        Access earlier = race.earlier();
        appendAccess(sb, later, "");
        appendAccess(sb, earlier, "Previous ");

        Set<Integer> told = new HashSet<>();
        for (Access a : new Access[] {later, earlier}) {
            if (a != null && told.add(a.tid())) appendStart(sb, a);
        }

        sb.append("  SUMMARY: data race ").append(location(later == null ? null : later.site()))
          .append(" / ").append(location(earlier == null ? null : earlier.site())).append('\n');
        sb.append(RULE).append('\n');
    }

    private static void appendAccess(StringBuilder sb, Access a, String prefix) {
        if (a == null) {
            sb.append("  ").append(prefix.isEmpty() ? "Access" : prefix + "access").append(" unknown\n");
            return;
        }
        String op = a.op() == null || a.op().isEmpty() ? "access" : name(a.op());
        String opWord = prefix.isEmpty() ? capitalize(op) : prefix + op;
        sb.append("  ").append(opWord).append(" by ").append(thread(a)).append(":\n");
        List<Site> stack = a.stack();
        if (stack.isEmpty() && a.site() != null) stack = List.of(a.site());
        appendFrames(sb, stack);
        sb.append("    Locks held: ");
        if (a.locksHeld().isEmpty()) {
            sb.append("none");
        } else {
            for (int i = 0; i < a.locksHeld().size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(name(a.locksHeld().get(i)));
            }
        }
        sb.append('\n');
    }

    private static void appendStart(StringBuilder sb, Access a) {
        String who = capitalize(thread(a));
        if (a.startedBy() == null) {
            sb.append("  ").append(who)
              .append(" is the main thread or was started outside instrumented code.\n");
        } else if (a.startStack().isEmpty()) {
            sb.append("  ").append(who).append(" was started by thread ").append(quoted(a.startedBy()))
              .append(" at an unknown location.\n");
        } else {
            sb.append("  ").append(who).append(" was started by thread ").append(quoted(a.startedBy()))
              .append(" at:\n");
            appendFrames(sb, a.startStack());
        }
    }

    private static String thread(Access a) {
        return "thread " + quoted(a.thread()) + " (tid " + a.tid() + ")";
    }

    // ---- deadlocks ---------------------------------------------------------------------------

    private static void appendDeadlock(StringBuilder sb, DeadlockReport deadlock) {
        List<DeadlockReport.Step> cycle = deadlock.cycle();
        boolean occurred = deadlock.status() == DeadlockReport.Status.OCCURRED;
        sb.append(RULE).append('\n');
        sb.append("WARNING: threadcheck: ").append(switch (deadlock.status()) {
            case OCCURRED -> "deadlock (the threads are blocked for good)";
            case CONFIRMED -> "lock-order inversion (deadlock confirmed: a reordering of this run reaches it)";
            case POTENTIAL -> "lock-order inversion (potential deadlock, not confirmed)";
        }).append(" involving ").append(plural(cycle.size(), "thread", "threads"));
        if (deadlock.count() > 1) sb.append(" (seen ").append(deadlock.count()).append(" times)");
        sb.append('\n');
        for (DeadlockReport.Step step : cycle) {
            sb.append("  Thread ").append(quoted(step.thread()));
            if (step.tid() >= 0) sb.append(" (tid ").append(step.tid()).append(')');
            sb.append(" holds ").append(name(step.heldLock()));
            if (step.heldSite() != null) sb.append(" (taken at ").append(step.heldSite().toFrameString()).append(')');
            sb.append('\n');
            appendDeeperFrames(sb, step.heldStack());
            sb.append(occurred ? "    and waits for " : "    and then takes ").append(name(step.acquiredLock()));
            if (step.acquiredSite() != null) sb.append(" at ").append(step.acquiredSite().toFrameString());
            sb.append('\n');
            appendDeeperFrames(sb, step.acquiredStack());
        }
        sb.append("  SUMMARY: ").append(occurred ? "deadlock " : "lock-order inversion ");
        for (int i = 0; i < cycle.size(); i++) {
            if (i > 0) sb.append(" / ");
            sb.append(location(cycle.get(i).acquiredSite()));
        }
        sb.append('\n');
        sb.append(RULE).append('\n');
    }

    /** The frames of a stack below its first (the site, already printed), if any. */
    private static void appendDeeperFrames(StringBuilder sb, List<Site> stack) {
        for (int i = 1; i < stack.size(); i++) {
            sb.append("      #").append(i).append(' ').append(stack.get(i).toFrameString()).append('\n');
        }
    }

    // ---- contention --------------------------------------------------------------------------

    private static void appendContention(StringBuilder sb, List<ContentionReport> contention) {
        sb.append(RULE).append('\n');
        sb.append("Lock contention (").append(plural(contention.size(), "lock", "locks"))
          .append(", most waited for first):\n");
        for (ContentionReport c : contention) {
            sb.append("  ").append(name(c.lock()));
            if (c.kind() != null) sb.append(" (").append(c.kind()).append(')');
            if (c.site() != null) sb.append(" at ").append(c.site().toFrameString());
            sb.append('\n');
            sb.append("    ").append(plural(c.acquisitions(), "acquisition", "acquisitions"))
              .append(", ").append(c.contended()).append(" contended");
            if (c.acquisitions() > 0) {
                sb.append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * c.contended() / c.acquisitions()));
            }
            sb.append("; waited ").append(millis(c.waitNanos())).append(" in total, ")
              .append(millis(c.maxWaitNanos())).append(" at most; held ")
              .append(millis(c.holdNanos())).append(" in total\n");
            if (c.contended() > 0) {
                sb.append("    wait per contended acquisition: mean ").append(millis(c.meanWaitNanos()))
                  .append(", p50 ").append(millis(c.p50WaitNanos()))
                  .append(", p90 ").append(millis(c.p90WaitNanos()))
                  .append(", p99 ").append(millis(c.p99WaitNanos())).append('\n');
            }
            if (c.holdShare() > 0) {
                sb.append(String.format(Locale.ROOT, "    held %.1f%% of the run", 100.0 * c.holdShare()));
                if (c.conditionWaitNanos() > 0) sb.append("; in wait/await on it ").append(millis(c.conditionWaitNanos()));
                sb.append('\n');
            } else if (c.conditionWaitNanos() > 0) {
                sb.append("    in wait/await on it ").append(millis(c.conditionWaitNanos())).append('\n');
            }
            for (ContentionReport.SiteTime t : c.waitingSites()) {
                sb.append("    waited at ").append(frame(t.site())).append(": ")
                  .append(plural(t.count(), "time", "times")).append(", ").append(millis(t.nanos())).append('\n');
            }
            for (ContentionReport.SiteTime t : c.holdingSites()) {
                sb.append("    held at ").append(frame(t.site())).append(": ")
                  .append(plural(t.count(), "time", "times")).append(", ").append(millis(t.nanos())).append('\n');
            }
            for (ContentionReport.Blame b : c.blame()) {
                sb.append("    waiters at ").append(frame(b.waiter())).append(" were kept waiting by the holder at ")
                  .append(frame(b.holder())).append(": ").append(plural(b.count(), "time", "times"))
                  .append(", ").append(millis(b.waitNanos())).append('\n');
            }
        }
        sb.append(RULE).append('\n');
    }

    private static String frame(Site site) {
        return site == null ? "an unknown site" : site.toFrameString();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1_000_000.0);
    }

    // ---- bits --------------------------------------------------------------------------------

    /** {@code Counter.java:12 in Counter.inc}, a lambda as {@code ... in Counter.main[lambda]}. */
    static String location(Site site) {
        if (site == null) return "unknown location";
        StringBuilder sb = new StringBuilder();
        if (site.file() == null) sb.append("Unknown Source");
        else {
            sb.append(site.file());
            if (site.line() > 0) sb.append(':').append(site.line());
        }
        sb.append(" in ").append(site.simpleClassName()).append('.').append(site.sourceMethod());
        if (site.isLambda()) sb.append("[lambda]");
        return sb.toString();
    }

    private static void appendFrames(StringBuilder sb, List<Site> frames) {
        if (frames.isEmpty()) {
            sb.append("    (no stack)\n");
            return;
        }
        for (int i = 0; i < frames.size(); i++) {
            sb.append("    #").append(i).append(' ').append(frames.get(i).toFrameString()).append('\n');
        }
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A thread name in double quotes; quotes and backslashes in it are escaped. */
    static String quoted(String s) {
        if (s == null) return name(null);
        return '"' + name(s.replace("\\", "\\\\").replace("\"", "\\\"")) + '"';
    }

    /** A name as printed: {@code <unknown>} for null, control characters escaped to keep lines whole. */
    static String name(String s) {
        if (s == null) return "<unknown>";
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                if (sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                switch (c) {
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
