package io.threadcheck.maven;

import io.threadcheck.core.report.Baseline;
import io.threadcheck.core.report.FilteredReport;
import io.threadcheck.core.report.JsonReportReader;
import io.threadcheck.core.report.Report;
import io.threadcheck.core.report.ReportMerger;
import io.threadcheck.core.report.Suppressions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that reads the reports the agent JVMs left under {@link #destDir} (prepare-agent's test
 * JVMs, run's programs), merged into one: the same finding seen by several JVMs counts once.
 */
public abstract class AbstractReportsMojo extends AbstractMojo {

    /** Where the agent JVMs put their reports; searched recursively for {@code threadcheck-report.json}. */
    @Parameter(property = "threadcheck.destDir", defaultValue = "${project.build.directory}/threadcheck")
    File destDir;

    /**
     * Findings to accept, in ThreadSanitizer's style: one {@code race:PATTERN} or
     * {@code deadlock:PATTERN} per line, matched against variables, frames and file names
     * ({@code *} wildcards, {@code ^}/{@code $} anchors, {@code #} comments). Ignored when the
     * file does not exist.
     */
    @Parameter(property = "threadcheck.suppressionsFile", defaultValue = "${project.basedir}/threadcheck-suppressions.txt")
    File suppressionsFile;

    /**
     * Findings known when the baseline was taken ({@code threadcheck:baseline} writes it): they
     * are reported as known and never fail the build; new ones do. Ignored when the file does
     * not exist.
     */
    @Parameter(property = "threadcheck.baselineFile", defaultValue = "${project.basedir}/threadcheck-baseline.txt")
    File baselineFile;

    /** Skips every threadcheck goal. */
    @Parameter(property = "threadcheck.skip", defaultValue = "false")
    boolean skip;

    /** The report files found; set by {@link #merged}. */
    List<Path> files = List.of();

    /** All reports under {@link #destDir} as one, or null (with a warning) when there are none. */
    Report merged() throws MojoExecutionException {
        files = ReportFiles.find(destDir.toPath());
        if (files.isEmpty()) {
            getLog().warn("threadcheck: no " + ReportFiles.JSON + " under " + destDir
                    + "; nothing was checked (did prepare-agent run before the tests, or run before this goal?)");
            return null;
        }
        JsonReportReader reader = new JsonReportReader();
        List<Report> reports = new ArrayList<>();
        for (Path file : files) {
            try {
                reports.add(reader.read(file));
            } catch (IOException e) {
                throw new MojoExecutionException("threadcheck: cannot read report " + e.getMessage(), e);
            }
        }
        return ReportMerger.merge(reports);
    }

    Suppressions suppressions() throws MojoExecutionException {
        if (suppressionsFile == null || !suppressionsFile.isFile()) return Suppressions.none();
        try {
            return Suppressions.read(suppressionsFile.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("threadcheck: bad suppressions file " + e.getMessage(), e);
        }
    }

    Baseline baseline() throws MojoExecutionException {
        if (baselineFile == null || !baselineFile.isFile()) return Baseline.none();
        try {
            return Baseline.read(baselineFile.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("threadcheck: cannot read the baseline " + baselineFile + ": " + e, e);
        }
    }

    /** {@link #merged} without the suppressed and baselined findings, or null. */
    FilteredReport filtered() throws MojoExecutionException {
        Report report = merged();
        if (report == null) return null;
        FilteredReport filtered = FilteredReport.of(report, suppressions(), baseline());
        for (String line : filtered.suppressed()) getLog().info("threadcheck: suppressed by " + line);
        return filtered;
    }
}
