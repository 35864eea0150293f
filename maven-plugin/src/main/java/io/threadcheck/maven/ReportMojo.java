package io.threadcheck.maven;

import io.threadcheck.core.report.Baseline;
import io.threadcheck.core.report.FilteredReport;
import io.threadcheck.core.report.JsonReportWriter;
import io.threadcheck.core.report.Report;
import io.threadcheck.core.report.TextReportWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges the reports of every agent JVM under {@code destDir} into one and renders it to
 * {@link #outputDirectory}: the same race or cycle seen by several JVMs once, with its counts
 * added; contention of every JVM. Suppressions apply; baselined findings stay in the report
 * (it shows everything found, {@code check} decides what fails).
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractReportsMojo {

    static final Set<String> FORMATS = Set.of("text", "json");

    /** Where the merged report goes. */
    @Parameter(property = "threadcheck.outputDirectory", defaultValue = "${project.reporting.outputDirectory}/threadcheck")
    private File outputDirectory;

    /** The formats to write: {@code text} ({@code threadcheck-report.txt}), {@code json} ({@code threadcheck-report.json}). */
    @Parameter(property = "threadcheck.formats", defaultValue = "text,json")
    private List<String> formats;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("threadcheck: skipped (threadcheck.skip)");
            return;
        }
        for (String format : formats) {
            if (!FORMATS.contains(format.trim())) {
                throw new MojoExecutionException("threadcheck: unknown format '" + format + "' in formats (known: "
                        + String.join(", ", FORMATS.stream().sorted().toList()) + ")");
            }
        }
        Report merged = merged();
        if (merged == null) return;
        Report report = FilteredReport.of(merged, suppressions(), Baseline.none()).report();
        Path out = outputDirectory.toPath();
        try {
            if (has("json")) new JsonReportWriter().write(report, out.resolve("threadcheck-report.json"));
            if (has("text")) new TextReportWriter().write(report, out.resolve("threadcheck-report.txt"));
        } catch (IOException e) {
            throw new MojoExecutionException("threadcheck: cannot write the report to " + out + ": " + e, e);
        }
        getLog().info(TextReportWriter.summaryLine(report) + " (" + files.size() + " report(s) merged into " + out + ")");
    }

    private boolean has(String format) {
        for (String f : formats) if (f.trim().equals(format)) return true;
        return false;
    }
}
