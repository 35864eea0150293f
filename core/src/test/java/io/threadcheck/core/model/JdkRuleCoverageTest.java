package io.threadcheck.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.threadcheck.core.instrument.Instrumenter;
import io.threadcheck.core.record.AccessKind;
import io.threadcheck.core.record.SymbolTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every rule on a JDK class (entry, exit, field read, scoped call, monitors) must hook at least
 * one place in the JDK it runs on: a renamed JDK method or a typo would otherwise silently drop a
 * happens-before edge. Each JDK class with rules is instrumented exactly as the agent would, from
 * the class files of the running JDK and of JDK 25 (when installed), and the sites registered
 * per rule are counted.
 *
 * <p>A few rules follow the JDK's history; their {@code since}/{@code until} range says in which
 * feature releases they must match. Everywhere else every rule must match.
 */
class JdkRuleCoverageTest {

    static final Path JDK25 = Path.of(System.getProperty("threadcheck.jdk25Home", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @Test
    void everyJdkRuleMatchesOnTheRunningJdk() {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        assertEveryRuleMatches(jrt, Runtime.version().feature());
    }

    @Test
    void everyJdkRuleMatchesOnJdk25() throws IOException {
        assumeTrue(Files.isRegularFile(JDK25.resolve("lib/jrt-fs.jar")), "no JDK 25 at " + JDK25);
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", JDK25.toString()))) {
            assertEveryRuleMatches(jrt, featureOf(JDK25));
        }
    }

    @Test
    void rulesFollowingTheJdksHistorySayWhen() {
        // The rules for classes or methods that only some JDKs have carry their range.
        CallModels models = CallModels.get();
        Set<String> versioned = new TreeSet<>();
        for (int id = 0; id < models.size(); id++) {
            ModelledCall rule = models.byId(id);
            if (!rule.appliesTo(17) || !rule.appliesTo(25)) versioned.add(key(rule));
        }
        assertThat(versioned).contains("ENTRY java/lang/VirtualThread.start", "EXIT java/util/concurrent/ForkJoinPool.close",
                "CALL java/util/concurrent/ForkJoinPool$InvokeAnyRoot: Callable.call",
                "CALL java/util/concurrent/DelayScheduler$ScheduledForkJoinTask: Runnable.run");
    }

    private static void assertEveryRuleMatches(FileSystem jrt, int feature) {
        CallModels models = CallModels.get();
        SymbolTable symbols = new SymbolTable();
        Instrumenter instrumenter = new Instrumenter(symbols);   // its own class hierarchy per JDK
        Set<String> classes = new TreeSet<>();
        for (int id = 0; id < models.size(); id++) {
            ModelledCall rule = models.byId(id);
            if (rule.inClass() != null) classes.addAll(classesOf(jrt, rule.inClass()));
        }
        Set<Integer> matched = new HashSet<>();
        Set<String> monitorClasses = new HashSet<>();
        for (String cls : classes) {
            int firstSite = symbols.siteCount();
            instrumenter.instrumentJdk(read(jrt, cls), null, cls);
            for (int site = firstSite; site < symbols.siteCount(); site++) {
                AccessKind kind = symbols.kindAt(site);
                if (kind == AccessKind.API_CALL) matched.add(symbols.fieldOf(site));
                if (kind == AccessKind.MONITOR_ENTER) monitorClasses.add(cls);
            }
        }
        List<String> problems = new ArrayList<>();
        Set<String> optionalHits = new HashSet<>();
        Set<String> optionalMisses = new HashSet<>();
        for (int id = 0; id < models.size(); id++) {
            ModelledCall rule = models.byId(id);
            if (rule.inClass() == null) continue;
            if (rule.optional()) {
                if (matched.contains(id)) optionalHits.add(rule.inClass());
                else optionalMisses.add(rule.inClass());
                continue;
            }
            boolean hit = rule.kind() == ModelledCall.Kind.MONITORS ? anyIn(monitorClasses, rule.inClass())
                    : matched.contains(id);
            boolean expected = rule.appliesTo(feature);
            if (hit != expected) {
                problems.add(key(rule) + (rule.inMethod() != null ? " in " + rule.inMethod() : "")
                        + (hit ? " matches, but is listed as absent on JDK " : " matches nothing on JDK ") + feature);
            }
        }
        // Optional rows may miss one by one, but a table that hooks nothing at all in its classes is broken.
        for (String cls : optionalMisses) {
            if (!optionalHits.contains(cls)) problems.add("every optional rule in " + cls + " matches nothing on JDK " + feature);
        }
        assertThat(problems).as("JDK rules on JDK %d (%d classes instrumented)", feature, classes.size()).isEmpty();
    }

    /** True when one of {@code classes} is {@code inClass}, or starts with it when it ends in *. */
    private static boolean anyIn(Set<String> classes, String inClass) {
        if (!inClass.endsWith("*")) return classes.contains(inClass);
        String prefix = inClass.substring(0, inClass.length() - 1);
        for (String cls : classes) {
            if (cls.startsWith(prefix)) return true;
        }
        return false;
    }

    /** "KIND class.method" for method and field rules, "CALL class: Owner.method" for scoped calls. */
    static String key(ModelledCall rule) {
        if (rule.kind() == ModelledCall.Kind.CALL) {
            return "CALL " + rule.inClass() + ": " + rule.describe();
        }
        if (rule.kind() == ModelledCall.Kind.FIELD_READ) {
            return "FIELD_READ " + rule.inClass() + ": " + rule.owner() + "." + rule.name();
        }
        return rule.kind() + " " + rule.inClass() + (rule.kind() == ModelledCall.Kind.MONITORS ? "" : "." + rule.name());
    }

    /** The classes of java.base a rule's class names (an exact name, or a prefix ending in *). */
    private static List<String> classesOf(FileSystem jrt, String inClass) {
        List<String> out = new ArrayList<>();
        boolean prefix = inClass.endsWith("*");
        String name = prefix ? inClass.substring(0, inClass.length() - 1) : inClass;
        String pkg = name.substring(0, name.lastIndexOf('/'));
        Path dir = jrt.getPath("/modules/java.base", pkg);
        if (!prefix) {
            if (Files.isRegularFile(dir.resolve(name.substring(pkg.length() + 1) + ".class"))) out.add(name);
            return out;
        }
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.class")) {
            for (Path file : files) {
                String cls = pkg + "/" + file.getFileName().toString().replace(".class", "");
                if (cls.startsWith(name)) out.add(cls);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static byte[] read(FileSystem jrt, String cls) {
        try {
            return Files.readAllBytes(jrt.getPath("/modules/java.base", cls + ".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int featureOf(Path javaHome) throws IOException {
        Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(javaHome.resolve("release")));
        assertThat(m.find()).as("JAVA_VERSION in %s/release", javaHome).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
