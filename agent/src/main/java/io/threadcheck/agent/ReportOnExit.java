package io.threadcheck.agent;

import io.threadcheck.core.analyse.race.RaceDetector;
import io.threadcheck.core.record.Recorder;
import io.threadcheck.core.report.JsonReportWriter;
import io.threadcheck.core.report.Report;
import io.threadcheck.core.report.RunSummary;
import io.threadcheck.core.report.TextReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** Runs once at JVM exit (normal end, System.exit, uncaught exception in main): ends recording and writes the reports. */
final class ReportOnExit implements Runnable {

    static final String JSON_FILE = "threadcheck-report.json";
    static final String TEXT_FILE = "threadcheck-report.txt";

    private final AgentOptions options;
    private final Recorder recorder;
    private final RaceDetector detector;
    private final ClassTransformer transformer;
    private final long startNanos;

    ReportOnExit(AgentOptions options, Recorder recorder, RaceDetector detector, ClassTransformer transformer,
                 long startNanos) {
        this.options = options;
        this.recorder = recorder;
        this.detector = detector;
        this.transformer = transformer;
        this.startNanos = startNanos;
    }

    @Override
    public void run() {
        try {
            recorder.stop();
            Report report = new Report(detector.races(), List.of(), List.of(), new RunSummary(
                    recorder.threads().size(), transformer.instrumentedClasses(), detector.accesses(),
                    detector.syncEvents(), (System.nanoTime() - startNanos) / 1_000_000));
            write(report);
        } catch (Throwable e) {
            System.err.println("threadcheck: could not produce the report: " + e);
        }
    }

    private void write(Report report) {
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
        if (options.formats.contains("text")) {
            System.err.print(text);
            System.err.flush();
        }
    }
}
