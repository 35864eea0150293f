package io.threadcheck.maven;

import io.threadcheck.core.record.Site;
import io.threadcheck.core.report.Access;
import io.threadcheck.core.report.JsonReportReader;
import io.threadcheck.core.report.RaceReport;
import io.threadcheck.core.report.Report;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reads every {@code threadcheck-report.json} under {@link #destDir} (as written by the JVMs
 * that {@code prepare-agent} set up), prints one line per data race starting with
 * {@code File.java:line} so IDEs and CI link it, and fails the build by the rules
 * {@link #failOnRace} and {@link #maxFindings}. The same race seen by several JVMs is
 * printed and counted once.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    static final String REPORT_FILE = "threadcheck-report.json";

    /** Where prepare-agent's executions put their reports; searched recursively. */
    @Parameter(property = "threadcheck.destDir", defaultValue = "${project.build.directory}/threadcheck")
    private File destDir;

    /** Fail the build when any data race was found. */
    @Parameter(property = "threadcheck.failOnRace", defaultValue = "true")
    private boolean failOnRace;

    /**
     * Fail the build when more findings than this were found, even with {@code failOnRace}
     * false; negative means no limit.
     */
    @Parameter(property = "threadcheck.maxFindings", defaultValue = "-1")
    private int maxFindings;

    /** Skips every threadcheck goal. */
    @Parameter(property = "threadcheck.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("threadcheck: skipped (threadcheck.skip)");
            return;
        }
        List<Path> files = reportFiles();
        if (files.isEmpty()) {
            getLog().warn("threadcheck: no " + REPORT_FILE + " under " + destDir
                    + "; nothing was checked (did prepare-agent run before the tests?)");
            return;
        }
        JsonReportReader reader = new JsonReportReader();
        Map<String, RaceReport> races = new LinkedHashMap<>();
        for (Path file : files) {
            Report report;
            try {
                report = reader.read(file);
            } catch (IOException e) {
                throw new MojoExecutionException("threadcheck: cannot read report " + e.getMessage(), e);
            }
            for (RaceReport race : report.races()) races.putIfAbsent(key(race), race);
        }
        int n = races.size();
        boolean fails = (failOnRace && n > 0) || (maxFindings >= 0 && n > maxFindings);
        for (RaceReport race : races.values()) {
            if (fails) getLog().error(describe(race));
            else getLog().warn(describe(race));
        }
        getLog().info("threadcheck: " + files.size() + " report(s) under " + destDir + ", " + n + " data race(s)");
        if (failOnRace && n > 0) {
            throw new MojoFailureException("threadcheck: " + n + " data race(s) found (failOnRace); see the lines above");
        }
        if (maxFindings >= 0 && n > maxFindings) {
            throw new MojoFailureException("threadcheck: " + n + " finding(s), more than maxFindings=" + maxFindings);
        }
    }

    private List<Path> reportFiles() throws MojoExecutionException {
        Path root = destDir.toPath();
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals(REPORT_FILE) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new MojoExecutionException("threadcheck: cannot list the reports under " + root + ": " + e, e);
        }
    }

    /** The same race in two reports: same variable (array identity aside) and same two sites. */
    private static String key(RaceReport race) {
        String variable = race.variable().replaceAll("@[0-9a-f]+", "");
        return variable + "|" + race.earlier().site() + "|" + race.later().site();
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
