package io.threadcheck.agent;

import io.threadcheck.core.record.Recorder;
import io.threadcheck.core.report.DeadlockReport;
import io.threadcheck.core.report.JsonReportWriter;
import io.threadcheck.core.report.Report;
import io.threadcheck.core.report.RunSummary;
import io.threadcheck.core.report.TextReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs once at JVM exit (normal end, System.exit, uncaught exception in main): ends recording
 * and writes the reports. Also writes an interim report when the watchdog finds a deadlock.
 */
final class ReportOnExit implements Runnable {

    static final String JSON_FILE = "threadcheck-report.json";
    static final String TEXT_FILE = "threadcheck-report.txt";

    private final AgentOptions options;
    private final Recorder recorder;
    private final Analyses analyses;
    private final ClassTransformer transformer;
    private final long startNanos;
    private volatile DeadlockWatchdog watchdog;

    ReportOnExit(AgentOptions options, Recorder recorder, Analyses analyses, ClassTransformer transformer,
                 long startNanos) {
        this.options = options;
        this.recorder = recorder;
        this.analyses = analyses;
        this.transformer = transformer;
        this.startNanos = startNanos;
    }

    /** Deadlocks that {@code watchdog} finds go into the report. */
    void watch(DeadlockWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    @Override
    public void run() {
        try {
            recorder.stop();
            write(report(true), true);
        } catch (Throwable e) {
            System.err.println("threadcheck: could not produce the report: " + e);
        }
    }

    /**
     * The report so far, while the program runs on (blocked): races and the deadlocks that
     * occurred; predicted cycles need the end of the run. Written to the files, not printed.
     */
    synchronized void writeInterim() {
        try {
            write(report(false), false);
        } catch (Throwable e) {
            System.err.println("threadcheck: could not produce the report: " + e);
        }
    }

    /** The report; {@code ended}: the event stream has finished, so the end-of-run analyses have their results. */
    private Report report(boolean ended) {
        List<DeadlockReport> deadlocks = new ArrayList<>();
        DeadlockWatchdog w = watchdog;
        if (w != null) deadlocks.addAll(w.found());
        if (ended) deadlocks.addAll(analyses.deadlocks());
        return new Report(analyses.races(), deadlocks, ended ? analyses.contention() : List.of(), new RunSummary(
                recorder.threads().size(), transformer.instrumentedClasses(), analyses.accesses(),
                analyses.syncEvents(), (System.nanoTime() - startNanos) / 1_000_000));
    }

    private synchronized void write(Report report, boolean print) {
        String text = new TextReportWriter().render(report);
        try {
            if (options.formats.contains("json")) {
                new JsonReportWriter().write(report, options.out.resolve(JSON_FILE));
            }
            if (options.formats.contains("text")) {
                Files.createDirectories(options.out);
                Files.writeString(options.out.resolve(TEXT_FILE), text, StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("threadcheck: cannot write the report to " + options.out.toAbsolutePath() + ": " + e);
        }
        if (print && options.formats.contains("text")) {
            System.err.print(text);
            System.err.flush();
        }
    }
}
