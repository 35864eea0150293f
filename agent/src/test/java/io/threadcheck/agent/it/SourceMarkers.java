package io.threadcheck.agent.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line of a marker comment such as {@code // race:count} in a test program's source,
 * so the tests never hard-code line numbers.
 */
public final class SourceMarkers {
    private static final Pattern MARKER = Pattern.compile("//\\s*([a-z]+:[A-Za-z0-9_-]+)\\s*$");

    private SourceMarkers() {
    }

    /** The source file of a top-level program class. */
    public static Path sourceOf(Class<?> program) {
        return AgentRun.Config.testSources().resolve(program.getName().replace('.', '/') + ".java");
    }

    /** The 1-based line carrying {@code // marker}; fails unless exactly one line does. */
    public static int line(Class<?> program, String marker) {
        Path source = sourceOf(program);
        List<String> lines;
        try {
            lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + " (run from the agent module directory)", e);
        }
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (m.find() && m.group(1).equals(marker)) {
                found.add(i + 1);
            }
        }
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one \"// " + marker + "\" in " + source + ", found lines " + found);
        }
        return found.get(0);
    }

    /** The site of the marked line in {@code method} of {@code program} (not a lambda). */
    public static Report.Site site(Class<?> program, String method, String marker) {
        return new Report.Site(program.getName(), method, program.getSimpleName() + ".java", line(program, marker), false);
    }

    /** The site of the marked line in a lambda body inside {@code enclosingMethod} of {@code program}. */
    public static Report.Site lambdaSite(Class<?> program, String enclosingMethod, String marker) {
        return new Report.Site(program.getName(), enclosingMethod, program.getSimpleName() + ".java",
                line(program, marker), true);
    }
}
