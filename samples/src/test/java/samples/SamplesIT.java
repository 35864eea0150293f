package samples;

import static org.junit.jupiter.api.Assertions.fail;

import io.threadcheck.core.report.ContentionReport;
import io.threadcheck.core.report.DeadlockReport;
import io.threadcheck.core.report.JsonReportReader;
import io.threadcheck.core.report.RaceReport;
import io.threadcheck.core.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every sample class annotated with {@link Verdict} in its own JVM under the real agent
 * jar, compares the report's races with the declaration, and writes the summary table
 * (samples/target/threadcheck/summary.md and summary.html). A sample whose report differs
 * from its declaration fails the build; a {@code pending} verdict is reported as PENDING and
 * a sample needing a newer JDK than is installed as SKIPPED (both as aborted tests, so they
 * are visible in failsafe's output but neither pass nor fail).
 *
 * <p>Races are compared as a set of (variable, unordered pair of file:line): the report has one
 * race per pair of sites and which access comes first may vary between runs.
 */
class SamplesIT {

    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern MARKER = Pattern.compile("(race|deadlock|contention):([A-Za-z0-9_-]+)");
    /** One row of the summary per sample, in the order the samples are listed (by class name). */
    private static final Map<String, Row> ROWS = new TreeMap<>();

    record Row(String sample, String topics, String title, String expected, String found,
               String status, String detail) {
    }

    @TestFactory
    Stream<DynamicTest> everySampleGetsItsDeclaredVerdict() throws IOException {
        List<Class<?>> samples = annotatedSamples();
        if (samples.size() < 2) {
            fail("found only " + samples.size() + " annotated samples under " + sampleClasses());
        }
        return samples.stream().map(c -> DynamicTest.dynamicTest(c.getName(), () -> check(c)));
    }

    private static void check(Class<?> sample) throws Exception {
        Verdict verdict = sample.getAnnotation(Verdict.class);
        String topics = Arrays.stream(verdict.topics()).mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        Path source = sourceOf(sample);
        Map<String, List<Integer>> markers = markers(source);
        TreeSet<String> expected = expectedRaces(verdict, source, markers);
        expected.addAll(expectedDeadlocks(verdict, source, markers));
        String expectedTop = expectedContentionTop(verdict, source, markers);
        if (expectedTop != null) expected.add(expectedTop);
        String expectedText = verdict.pending().isEmpty() ? describe(expected)
                : "pending: " + verdict.pending();

        Path javaHome = config("threadcheck.javaHome", Path.of(System.getProperty("java.home")));
        String onJdk = "";
        if (verdict.minJava() > 17) {
            // Run on the JDK 25 when present, whatever JDK the build uses.
            Path jdk25 = config("threadcheck.jdk25Home", Path.of("/usr/lib/jvm/temurin-25-jdk-amd64"));
            if (!Files.isExecutable(jdk25.resolve("bin/java"))) {
                String why = "needs JDK " + verdict.minJava() + "+; no JDK at " + jdk25;
                record(sample, topics, verdict, expectedText, "-", "SKIPPED", why);
                System.out.println("SKIPPED " + sample.getName() + ": " + why);
                Assumptions.abort(why);
            }
            javaHome = jdk25;
            onJdk = " (JDK 25)";
        }

        Run run = runUnderAgent(sample, javaHome);
        if (run.exitCode != 0) {
            record(sample, topics, verdict, expectedText, "exit code " + run.exitCode, "FAIL", run.describe());
            fail(sample.getName() + " exited with " + run.exitCode + "\n" + run.describe());
        }
        Path json = run.dir.resolve("out/threadcheck-report.json");
        if (!Files.isRegularFile(json)) {
            record(sample, topics, verdict, expectedText, "no report", "FAIL", run.describe());
            fail("no report at " + json + "\n" + run.describe());
        }
        Report report = new JsonReportReader().read(json);
        // A clean report only means something if the agent watched the run: it then always writes
        // a run summary. (Instrumented classes and accesses may be 0: a sample that shares only
        // locals and JDK objects has no field access to rewrite.)
        if (report.run() == null || report.run().threads() == 0) {
            record(sample, topics, verdict, expectedText, "nothing checked", "FAIL", run.describe());
            fail(sample.getName() + ": the agent checked nothing (run summary " + report.run() + ")\n" + run.describe());
        }
        TreeSet<String> found = new TreeSet<>();
        for (RaceReport race : report.races()) {
            found.add(raceKey(race.variable(),
                    race.earlier().site().file() + ":" + race.earlier().site().line(),
                    race.later().site().file() + ":" + race.later().site().line()));
        }
        for (DeadlockReport deadlock : report.deadlocks()) {
            found.add(deadlockKey(deadlock.status().json(), deadlock.cycle().stream()
                    .map(s -> s.acquiredSite() == null ? "?" : s.acquiredSite().file() + ":" + s.acquiredSite().line())
                    .collect(Collectors.toCollection(TreeSet::new))));
        }
        if (expectedTop != null) {
            ContentionReport top = report.contention().isEmpty() ? null : report.contention().get(0);
            found.add(contentionKey(top == null || top.site() == null ? "none"
                    : top.site().file() + ":" + top.site().line()));
        }
        String foundText = describe(found) + onJdk;
        if (!verdict.pending().isEmpty()) {
            record(sample, topics, verdict, expectedText, foundText, "PENDING", "");
            System.out.println("PENDING " + sample.getName() + ": " + verdict.pending());
            Assumptions.abort("pending: " + verdict.pending() + "; found " + describe(found));
        }
        if (!found.equals(expected)) {
            record(sample, topics, verdict, expectedText, foundText, "FAIL", run.dir.toString());
            fail(sample.getName() + ": declared " + describe(expected) + ", but threadcheck found "
                    + describe(found) + "\nreport: " + run.dir.resolve("out/threadcheck-report.txt"));
        }
        record(sample, topics, verdict, expectedText, foundText, "PASS", "");
    }

    private static String raceKey(String variable, String siteA, String siteB) {
        // Unordered pair: the earlier/later order in the report depends on the run's timing.
        return siteA.compareTo(siteB) <= 0 ? variable + " @ " + siteA + " / " + siteB
                : variable + " @ " + siteB + " / " + siteA;
    }

    private static String describe(TreeSet<String> races) {
        return races.isEmpty() ? "clean" : String.join("; ", races);
    }

    private static String deadlockKey(String status, TreeSet<String> acquiredSites) {
        return "deadlock (" + status + ") @ " + String.join(" / ", acquiredSites);
    }

    private static String contentionKey(String site) {
        return "most contended lock @ " + site;
    }

    /** The marker comments of a sample's source: "kind:NAME" to the lines carrying it. */
    static Map<String, List<Integer>> markers(Path source) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        Map<String, List<Integer>> markers = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            // Markers live in the line's trailing // comment; one comment may carry several.
            String line = lines.get(i);
            int comment = line.indexOf("//");
            if (comment < 0) {
                continue;
            }
            Matcher m = MARKER.matcher(line.substring(comment));
            while (m.find()) {
                markers.computeIfAbsent(m.group(1) + ":" + m.group(2), k -> new ArrayList<>()).add(i + 1);
            }
        }
        return markers;
    }

    /** Each declared deadlock's marked lines, as the key a found cycle is compared by. */
    static List<String> expectedDeadlocks(Verdict verdict, Path source, Map<String, List<Integer>> markers) {
        String file = source.getFileName().toString();
        List<String> expected = new ArrayList<>();
        for (Verdict.Deadlock deadlock : verdict.deadlocks()) {
            List<Integer> at = markers.getOrDefault("deadlock:" + deadlock.marker(), List.of());
            if (at.isEmpty()) {
                fail(source + ": no marker // deadlock:" + deadlock.marker());
            }
            TreeSet<String> sites = new TreeSet<>();
            for (int line : at) sites.add(file + ":" + line);
            expected.add(deadlockKey(deadlock.confirmed() ? "confirmed" : "potential", sites));
        }
        return expected;
    }

    /** The declared top of the contention list, or null when the sample does not declare one. */
    static String expectedContentionTop(Verdict verdict, Path source, Map<String, List<Integer>> markers) {
        if (verdict.contentionTop().isEmpty()) return null;
        List<Integer> at = markers.getOrDefault("contention:" + verdict.contentionTop(), List.of());
        if (at.size() != 1) {
            fail(source + ": marker // contention:" + verdict.contentionTop() + " must be on one line, found " + at.size());
        }
        return contentionKey(source.getFileName() + ":" + at.get(0));
    }

    /** Resolves each declared race's marker comments to lines of the sample's source file. */
    static TreeSet<String> expectedRaces(Verdict verdict, Path source, Map<String, List<Integer>> markers) {
        String file = source.getFileName().toString();
        TreeSet<String> expected = new TreeSet<>();
        for (Verdict.Race race : verdict.races()) {
            List<Integer> at = markers.getOrDefault("race:" + race.marker(), List.of());
            if (at.isEmpty() || at.size() > 2) {
                fail(source + ": marker // race:" + race.marker() + " must be on one or two lines, found "
                        + at.size());
            }
            int a = at.get(0);
            int b = at.size() == 2 ? at.get(1) : a;
            expected.add(raceKey(race.variable(), file + ":" + a, file + ":" + b));
        }
        return expected;
    }

    record Run(int exitCode, Path dir, List<String> command) {
        String describe() {
            return "command: " + String.join(" ", command) + "\n--- stdout ---\n" + read(dir.resolve("stdout.txt"))
                    + "\n--- stderr ---\n" + read(dir.resolve("stderr.txt"));
        }
    }

    private static Run runUnderAgent(Class<?> sample, Path javaHome) throws Exception {
        Path agentJar = config("threadcheck.agentJar", Path.of("../agent/target/threadcheck-agent.jar"));
        if (!Files.isRegularFile(agentJar)) {
            fail("agent jar " + agentJar + " does not exist; build with the reactor (mvn -B verify)");
        }
        Path work = config("threadcheck.workDir", Path.of("target/samples-work"));
        Files.createDirectories(work);
        Path dir = Files.createTempDirectory(work, sample.getSimpleName() + "-");
        List<String> command = List.of(javaHome.resolve("bin/java").toString(),
                "-javaagent:" + agentJar + "=out=" + dir.resolve("out"),
                "-cp", sampleClasses().toString(), sample.getName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        // The child's behaviour must not depend on options the test JVM was started with.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(sample.getName() + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Run(process.exitValue(), dir, command);
    }

    private static List<Class<?>> annotatedSamples() throws IOException {
        Path root = sampleClasses();
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String rel = root.relativize(f).toString();
                if (!rel.endsWith(".class") || rel.contains("$")) {
                    continue;
                }
                String name = rel.substring(0, rel.length() - ".class".length()).replace(java.io.File.separatorChar, '.');
                try {
                    // Not initialised: the runner must not run any sample code in its own JVM.
                    Class<?> c = Class.forName(name, false, SamplesIT.class.getClassLoader());
                    if (c.isAnnotationPresent(Verdict.class)) {
                        found.add(c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + name, e);
                }
            }
        }
        return found;
    }

    private static Path sourceOf(Class<?> sample) {
        Path sources = config("threadcheck.sampleSources", Path.of("src/main/java"));
        return sources.resolve(sample.getName().replace('.', '/') + ".java");
    }

    private static Path sampleClasses() {
        return config("threadcheck.sampleClasses", Path.of("target/classes"));
    }

    private static Path config(String property, Path fallback) {
        String value = System.getProperty(property);
        // An unresolved Maven expression (${...}) counts as unset.
        Path p = value == null || value.isBlank() || value.contains("${") ? fallback : Path.of(value);
        return p.toAbsolutePath().normalize();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void record(Class<?> sample, String topics, Verdict verdict, String expected,
                                            String found, String status, String detail) {
        ROWS.put(sample.getName(), new Row(sample.getName(), topics, verdict.title(), expected, found, status, detail));
    }

    @AfterAll
    static void writeSummary() throws IOException {
        Path dir = config("threadcheck.summaryDir", Path.of("target/threadcheck"));
        Files.createDirectories(dir);
        Map<String, Long> counts = ROWS.values().stream()
                .collect(Collectors.groupingBy(Row::status, TreeMap::new, Collectors.counting()));
        String totals = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        StringBuilder md = new StringBuilder();
        md.append("# threadcheck samples: expected vs found\n\n");
        md.append(ROWS.size()).append(" samples: ").append(totals).append("\n\n");
        md.append("| sample | topic | expected | found | result |\n|---|---|---|---|---|\n");
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>threadcheck samples</title>\n")
                .append("<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:3px 6px;vertical-align:top}")
                .append(".PASS{background:#cfc}.FAIL{background:#fcc}.PENDING{background:#ffc}.SKIPPED{background:#ddd}</style></head><body>\n")
                .append("<h1>threadcheck samples: expected vs found</h1>\n<p>").append(ROWS.size()).append(" samples: ")
                .append(esc(totals)).append("</p>\n<table>\n<tr><th>sample</th><th>topic</th><th>expected</th><th>found</th><th>result</th></tr>\n");
        for (Row r : ROWS.values()) {
            md.append("| `").append(r.sample()).append("` | ").append(r.topics()).append(": ").append(md(r.title()))
                    .append(" | ").append(md(r.expected())).append(" | ").append(md(r.found())).append(" | **")
                    .append(r.status()).append("** |\n");
            html.append("<tr class=\"").append(r.status()).append("\"><td><code>").append(esc(r.sample()))
                    .append("</code></td><td>").append(esc(r.topics() + ": " + r.title())).append("</td><td>")
                    .append(esc(r.expected())).append("</td><td>").append(esc(r.found())).append("</td><td>")
                    .append(r.status()).append("</td></tr>\n");
        }
        html.append("</table>\n</body></html>\n");
        Files.writeString(dir.resolve("summary.md"), md.toString());
        Files.writeString(dir.resolve("summary.html"), html.toString());
    }

    /** A table cell: code spans keep names like {@code HashMap.<contents>} literal in Markdown and plain logs. */
    private static String md(String s) {
        String cell = s.replace("|", "\\|");
        return s.contains("<") ? "`" + cell + "`" : cell;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
