package io.threadcheck.core.report;

import io.threadcheck.core.record.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Findings a user has decided to live with, in ThreadSanitizer's style: one {@code kind:pattern}
 * per line, {@code #} starts a comment.
 * <pre>
 * race:com.example.legacy.*          # any race with a frame in that package
 * race:java.util.HashMap.&lt;contents&gt;   # a variable
 * deadlock:com.example.Bank.transfer
 * </pre>
 * A pattern matches, as in ThreadSanitizer, anywhere inside a candidate ({@code *} is any run of
 * characters, {@code ^} and {@code $} anchor it at the start or end). A race's candidates are its
 * variable and every frame of both accesses ({@code com.example.Foo.bar}, and the source file
 * name); a deadlock's are the frames of every step and the locks' class names.
 */
public final class Suppressions {

    /** The kinds a line may name. */
    public static final List<String> KINDS = List.of("race", "deadlock");

    private record Rule(String kind, String text, Pattern pattern) { }

    private final List<Rule> rules;

    private Suppressions(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Suppressions none() {
        return new Suppressions(List.of());
    }

    /** Reads a suppression file; a bad line is an error naming the file and the line. */
    public static Suppressions read(Path file) throws IOException {
        List<Rule> rules = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (line.isEmpty()) continue;
            int colon = line.indexOf(':');
            String kind = colon < 0 ? "" : line.substring(0, colon).strip();
            String text = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (!KINDS.contains(kind) || text.isEmpty()) {
                throw new IOException(file + ":" + (i + 1) + ": expected kind:pattern with kind one of "
                        + String.join(", ", KINDS) + ", found '" + lines.get(i).strip() + "'");
            }
            rules.add(new Rule(kind, text, compile(text)));
        }
        return new Suppressions(rules);
    }

    private static Pattern compile(String text) {
        boolean anchoredStart = text.startsWith("^");
        boolean anchoredEnd = text.endsWith("$") && text.length() > (anchoredStart ? 1 : 0);
        String body = text.substring(anchoredStart ? 1 : 0, text.length() - (anchoredEnd ? 1 : 0));
        StringBuilder regex = new StringBuilder(anchoredStart ? "^" : "");
        String[] parts = body.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) regex.append(".*");
            if (!parts[i].isEmpty()) regex.append(Pattern.quote(parts[i]));
        }
        if (anchoredEnd) regex.append('$');
        return Pattern.compile(regex.toString());
    }

    /** The rule that suppresses {@code race}, or null. */
    public String suppressing(RaceReport race) {
        List<String> candidates = new ArrayList<>();
        candidates.add(FindingKeys.variable(race.variable()));
        addFrames(candidates, race.earlier());
        addFrames(candidates, race.later());
        return firstMatch("race", candidates);
    }

    /** The rule that suppresses {@code cycle}, or null. */
    public String suppressing(DeadlockReport cycle) {
        List<String> candidates = new ArrayList<>();
        for (DeadlockReport.Step s : cycle.cycle()) {
            addFrame(candidates, s.heldSite());
            addFrame(candidates, s.acquiredSite());
            for (Site frame : s.heldStack()) addFrame(candidates, frame);
            for (Site frame : s.acquiredStack()) addFrame(candidates, frame);
            if (s.heldLock() != null) candidates.add(FindingKeys.variable(s.heldLock()));
            if (s.acquiredLock() != null) candidates.add(FindingKeys.variable(s.acquiredLock()));
        }
        return firstMatch("deadlock", candidates);
    }

    private String firstMatch(String kind, List<String> candidates) {
        for (Rule rule : rules) {
            if (!rule.kind.equals(kind)) continue;
            for (String candidate : candidates) {
                if (rule.pattern.matcher(candidate).find()) return kind + ":" + rule.text;
            }
        }
        return null;
    }

    private static void addFrames(List<String> candidates, Access access) {
        addFrame(candidates, access.site());
        for (Site frame : access.stack()) addFrame(candidates, frame);
    }

    private static void addFrame(List<String> candidates, Site site) {
        if (site == null) return;
        candidates.add(site.className() + "." + site.method());
        if (site.isLambda()) candidates.add(site.className() + "." + site.sourceMethod());
        if (site.file() != null) candidates.add(site.file());
    }
}
