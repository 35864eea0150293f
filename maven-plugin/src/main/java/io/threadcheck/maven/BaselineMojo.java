package io.threadcheck.maven;

import io.threadcheck.core.report.Baseline;
import io.threadcheck.core.report.FilteredReport;
import io.threadcheck.core.report.Report;
import io.threadcheck.core.report.Suppressions;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the findings of the reports under {@code destDir} (suppressed ones left out) to the
 * baseline file, so that {@code check} from then on fails only on new findings. Run it after the
 * tests, e.g. {@code mvn verify threadcheck:baseline -Dthreadcheck.failOnRace=false}, and commit
 * the file.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractReportsMojo {

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("threadcheck: skipped (threadcheck.skip)");
            return;
        }
        Report merged = merged();
        if (merged == null) return;
        FilteredReport kept = FilteredReport.of(merged, suppressions(), Baseline.none());
        try {
            Baseline.write(kept.report(), baselineFile.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("threadcheck: cannot write the baseline " + baselineFile + ": " + e, e);
        }
        getLog().info("threadcheck: baseline of " + kept.report().races().size() + " race(s) and "
                + kept.report().deadlocks().size() + " deadlock(s) written to " + baselineFile);
    }
}
