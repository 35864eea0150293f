package io.threadcheck.maven;

import io.threadcheck.core.record.Site;
import io.threadcheck.core.report.Access;
import io.threadcheck.core.report.ContentionReport;
import io.threadcheck.core.report.DeadlockReport;
import io.threadcheck.core.report.FilteredReport;
import io.threadcheck.core.report.RaceReport;
import io.threadcheck.core.report.Report;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reads every {@code threadcheck-report.json} under {@code destDir} (as written by the JVMs
 * that {@code prepare-agent} set up), leaves out what the suppressions file and the baseline
 * accept, prints one line per data race starting with
 * {@code File.java:line} so IDEs and CI link it, likewise per deadlock and per lock waited
 * for longer than {@link #maxWaitMillis}, and fails the build by the rules {@link #failOnRace},
 * {@link #failOnDeadlock}, {@link #maxWaitMillis} and {@link #maxFindings}. The same finding
 * seen by several JVMs is printed and counted once.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractReportsMojo {

    /** Fail the build when any data race was found. */
    @Parameter(property = "threadcheck.failOnRace", defaultValue = "true")
    private boolean failOnRace;

    /**
     * Fail the build on a deadlock that occurred or was confirmed (a reordering of the run
     * reaches it). A potential, unconfirmed cycle is printed as a warning and never fails.
     */
    @Parameter(property = "threadcheck.failOnDeadlock", defaultValue = "true")
    private boolean failOnDeadlock;

    /**
     * Fail the build when threads waited longer than this in total, in milliseconds, for any
     * one lock; negative means no limit.
     */
    @Parameter(property = "threadcheck.maxWaitMillis", defaultValue = "-1")
    private long maxWaitMillis;

    /**
     * Fail the build when more findings (races and deadlocks that are not merely potential)
     * than this were found, even with {@code failOnRace} false; negative means no limit.
     */
    @Parameter(property = "threadcheck.maxFindings", defaultValue = "-1")
    private int maxFindings;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("threadcheck: skipped (threadcheck.skip)");
            return;
        }
        FilteredReport filtered = filtered();
        if (filtered == null) return;
        Report report = filtered.report();
        List<RaceReport> races = report.races();
        List<DeadlockReport> deadlocks = report.deadlocks();
        List<String> slowLocks = new ArrayList<>();
        for (ContentionReport c : report.contention()) {
            if (maxWaitMillis >= 0 && c.waitNanos() > maxWaitMillis * 1_000_000) slowLocks.add(describe(c));
        }
        int n = races.size();
        long serious = deadlocks.stream().filter(d -> d.status() != DeadlockReport.Status.POTENTIAL).count();
        boolean fails = (failOnRace && n > 0) || (failOnDeadlock && serious > 0) || !slowLocks.isEmpty()
                || (maxFindings >= 0 && n + serious > maxFindings);
        for (RaceReport race : races) {
            if (fails) getLog().error(describe(race));
            else getLog().warn(describe(race));
        }
        for (DeadlockReport d : deadlocks) {
            if (fails && d.status() != DeadlockReport.Status.POTENTIAL) getLog().error(describe(d));
            else getLog().warn(describe(d));
        }
        for (String line : slowLocks) getLog().error(line);
        getLog().info("threadcheck: " + files.size() + " report(s) under " + destDir + ", " + n + " data race(s), "
                + deadlocks.size() + " deadlock(s) (" + serious + " occurred or confirmed)"
                + (filtered.suppressed().isEmpty() ? "" : ", " + filtered.suppressed().size() + " suppressed")
                + (filtered.known() == 0 ? "" : ", " + filtered.known() + " known from the baseline " + baselineFile));
        if (failOnRace && n > 0) {
            throw new MojoFailureException("threadcheck: " + n + " data race(s) found (failOnRace); see the lines above");
        }
        if (failOnDeadlock && serious > 0) {
            throw new MojoFailureException("threadcheck: " + serious
                    + " deadlock(s) occurred or confirmed (failOnDeadlock); see the lines above");
        }
        if (!slowLocks.isEmpty()) {
            throw new MojoFailureException("threadcheck: " + slowLocks.size() + " lock(s) waited for longer than maxWaitMillis="
                    + maxWaitMillis + "; see the lines above");
        }
        if (maxFindings >= 0 && n + serious > maxFindings) {
            throw new MojoFailureException("threadcheck: " + (n + serious) + " finding(s), more than maxFindings=" + maxFindings);
        }
    }

    /**
     * {@code Bank.java:31: deadlock (confirmed): "t1" holds Account@1 (taken at Bank.java:30) and
     * takes Account@2; "t2" holds Account@2 (taken at Bank.java:30) and takes Account@1 at Bank.java:31}.
     */
    static String describe(DeadlockReport d) {
        StringBuilder sb = new StringBuilder();
        DeadlockReport.Step first = d.cycle().isEmpty() ? null : d.cycle().get(0);
        sb.append(first == null || first.acquiredSite() == null ? "unknown location" : location(first.acquiredSite()))
                .append(": deadlock (").append(d.status().json()).append("): ");
        boolean occurred = d.status() == DeadlockReport.Status.OCCURRED;
        for (int i = 0; i < d.cycle().size(); i++) {
            DeadlockReport.Step s = d.cycle().get(i);
            if (i > 0) sb.append("; ");
            sb.append('"').append(s.thread()).append("\" holds ").append(s.heldLock());
            if (s.heldSite() != null) sb.append(" (taken at ").append(location(s.heldSite())).append(')');
            sb.append(occurred ? " and waits for " : " and takes ").append(s.acquiredLock());
            if (s.acquiredSite() != null) sb.append(" at ").append(location(s.acquiredSite()));
        }
        return sb.toString();
    }

    /** {@code Counter.java:12: lock java.lang.Object@1b6d (monitor) waited for 1234 ms in total, ...}. */
    private String describe(ContentionReport c) {
        return (c.site() == null ? "unknown location" : location(c.site())) + ": lock " + c.lock()
                + (c.kind() == null ? "" : " (" + c.kind() + ")") + " waited for " + c.waitNanos() / 1_000_000
                + " ms in total over " + c.contended() + " contended acquisition(s), more than maxWaitMillis="
                + maxWaitMillis;
    }

    /**
     * {@code RacyTest.java:17: data race on com.example.RacyTest.hits: write in "t-2" races with
     * earlier write in "t-1" at RacyTest.java:17 (RacyTest.bump) [seen 3 times]}.
     */
    static String describe(RaceReport race) {
        Access later = race.later();
        Access earlier = race.earlier();
        StringBuilder sb = new StringBuilder();
        sb.append(location(later.site())).append(": data race on ").append(race.variable())
                .append(": ").append(later.op()).append(" in \"").append(later.thread()).append("\" (")
                .append(method(later.site())).append(") races with earlier ").append(earlier.op())
                .append(" in \"").append(earlier.thread()).append("\" at ").append(location(earlier.site()))
                .append(" (").append(method(earlier.site())).append(")");
        if (race.count() > 1) sb.append(" [seen ").append(race.count()).append(" times]");
        return sb.toString();
    }

    private static String location(Site site) {
        if (site.file() == null) return site.toFrameString(); // no source file: no link to make
        return site.file() + ":" + site.line();
    }

    private static String method(Site site) {
        return site.simpleClassName() + "." + site.sourceMethod();
    }
}
