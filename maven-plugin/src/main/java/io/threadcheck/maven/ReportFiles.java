package io.threadcheck.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;

/** The reports that agent JVMs leave under a directory: found recursively, removed before a new build writes them. */
final class ReportFiles {

    static final String JSON = "threadcheck-report.json";

    private ReportFiles() {}

    /** Every {@code threadcheck-report.json} under {@code root}, in path order; none if it does not exist. */
    static List<Path> find(Path root) throws MojoExecutionException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals(JSON) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new MojoExecutionException("threadcheck: cannot list the reports under " + root + ": " + e, e);
        }
    }

    /** Removes the reports of an earlier build from {@code dir}: its {@code jvm-*} directories and report files. */
    static void removeOld(Path dir) throws MojoExecutionException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (Files.isDirectory(child) && name.startsWith("jvm-")) deleteTree(child);
                else if (name.startsWith("threadcheck-report.")) Files.deleteIfExists(child);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("threadcheck: cannot remove the old reports in " + dir + ": " + e, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
