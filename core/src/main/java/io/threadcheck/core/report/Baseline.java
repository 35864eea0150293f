package io.threadcheck.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The findings known when the baseline was taken: a build fails on new ones only. A text file,
 * one finding per line in {@link FindingKeys}' baseline form (no line numbers, so it survives
 * edits elsewhere in a file), sorted, {@code #} lines are comments; meant to be committed.
 */
public final class Baseline {

    private final Set<String> known;

    private Baseline(Set<String> known) {
        this.known = Set.copyOf(known);
    }

    public static Baseline none() {
        return new Baseline(Set.of());
    }

    public static Baseline read(Path file) throws IOException {
        Set<String> known = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String key = line.strip();
            if (!key.isEmpty() && !key.startsWith("#")) known.add(key);
        }
        return new Baseline(known);
    }

    /** Writes the findings of {@code report} as a baseline. */
    public static void write(Report report, Path file) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (RaceReport race : report.races()) keys.add(FindingKeys.baselineRace(race));
        for (DeadlockReport cycle : report.deadlocks()) keys.add(FindingKeys.baselineDeadlock(cycle));
        List<String> lines = new ArrayList<>();
        lines.add("# threadcheck baseline: findings known when it was written; only new ones fail the build.");
        lines.add("# Rewrite it with: mvn verify threadcheck:baseline (or delete lines as findings get fixed).");
        lines.addAll(keys);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    public boolean knows(RaceReport race) {
        return known.contains(FindingKeys.baselineRace(race));
    }

    public boolean knows(DeadlockReport cycle) {
        return known.contains(FindingKeys.baselineDeadlock(cycle));
    }

    public int size() {
        return known.size();
    }
}
