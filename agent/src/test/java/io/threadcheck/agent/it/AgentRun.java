package io.threadcheck.agent.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forks a JVM that runs one test program ({@code programs.*}), with or without the threadcheck
 * agent, and captures its stdout, stderr, exit code and report.
 *
 * <p>Configured by the system properties failsafe sets (see agent/pom.xml):
 * {@code threadcheck.javaHome}, {@code threadcheck.agentJar}, {@code threadcheck.programClasses},
 * {@code threadcheck.workDir}. When run from an IDE without them, defaults relative to the
 * module directory are used.
 *
 * <p>Each run gets a fresh directory under the work dir; it is the child's working directory and
 * holds {@code stdout.txt}, {@code stderr.txt} and the report directory {@code out/}. Output goes
 * to files, not pipes, so a chatty child can never block on a full pipe.
 */
public final class AgentRun {

    public static final long DEFAULT_TIMEOUT_SECONDS = 60;
    private static final AtomicInteger RUN_COUNTER = new AtomicInteger();

    private final String mainClass;
    private final List<String> args = new ArrayList<>();
    private final List<String> agentOptions = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private Path javaHome = Config.javaHome();
    private Path agentJar = Config.agentJar();
    private boolean withAgent = true;
    private boolean outOption = true;
    private long timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    private boolean hangs;

    private AgentRun(String mainClass) {
        this.mainClass = mainClass;
    }

    /** A run of {@code program}'s main method with the agent, writing its report to a fresh directory. */
    public static AgentRun of(Class<?> program) {
        return new AgentRun(program.getName());
    }

    public AgentRun args(String... programArgs) {
        args.addAll(List.of(programArgs));
        return this;
    }

    /** Extra agent options, appended after {@code out=DIR} (e.g. {@code "exclude=programs.X"}). */
    public AgentRun agentOptions(String... options) {
        agentOptions.addAll(List.of(options));
        return this;
    }

    /** Options for the child JVM, placed before the agent (e.g. {@code -XX:+PrintCompilation}). */
    public AgentRun jvmArgs(String... options) {
        jvmArgs.addAll(List.of(options));
        return this;
    }

    /** Leave out the {@code out=DIR} option: the agent then uses its default, relative to the run dir. */
    public AgentRun withoutOutOption() {
        outOption = false;
        return this;
    }

    public AgentRun withoutAgent() {
        withAgent = false;
        return this;
    }

    /** Runs with this agent jar instead of the built one (e.g. a renamed copy). */
    public AgentRun agentJar(Path jar) {
        agentJar = jar;
        return this;
    }

    public AgentRun javaHome(Path home) {
        javaHome = home;
        return this;
    }

    public AgentRun timeoutSeconds(long seconds) {
        timeoutSeconds = seconds;
        return this;
    }

    /**
     * The program is expected never to finish (it deadlocks): it is killed after {@code seconds}
     * and the result has exit code -1; finishing earlier fails the test.
     */
    public AgentRun hangsFor(long seconds) {
        timeoutSeconds = seconds;
        hangs = true;
        return this;
    }

    public static Path defaultJavaHome() {
        return Config.javaHome();
    }

    public static Path agentJar() {
        return Config.agentJar();
    }

    /** Runs the program to completion (or fails the test on timeout) and returns what it did. */
    public Result run() {
        Path java = javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            fail("no java executable at %s", java);
        }
        if (withAgent && !Files.isRegularFile(agentJar)) {
            fail("agent jar %s does not exist; build it with: mvn -B -q install -DskipITs", agentJar);
        }
        Path runDir = freshRunDir();
        Path outDir = runDir.resolve("out");
        Path stdoutFile = runDir.resolve("stdout.txt");
        Path stderrFile = runDir.resolve("stderr.txt");

        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArgs);
        if (withAgent) {
            List<String> options = new ArrayList<>();
            if (outOption) {
                options.add("out=" + outDir);
            }
            options.addAll(agentOptions);
            String jarArg = "-javaagent:" + agentJar;
            command.add(options.isEmpty() ? jarArg : jarArg + "=" + String.join(",", options));
        }
        command.add("-cp");
        command.add(Config.programClasses().toString());
        command.add(mainClass);
        command.addAll(args);

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(runDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(stdoutFile.toFile())
                .redirectError(stderrFile.toFile());
        // Keep the child's behaviour independent of options the test JVM was started with.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");

        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        int exitCode;
        try {
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (hangs) {
                if (finished) {
                    fail("%s was expected to hang but ended with exit code %d%n--- stdout ---%n%s%n--- stderr ---%n%s",
                            mainClass, process.exitValue(), readString(stdoutFile), readString(stderrFile));
                }
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                return new Result(mainClass, List.copyOf(command), -1, readBytes(stdoutFile), readBytes(stderrFile),
                        runDir, outOption ? outDir : runDir.resolve("threadcheck"),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                fail("%s did not finish within %d s%ncommand: %s%n--- stdout ---%n%s%n--- stderr ---%n%s",
                        mainClass, timeoutSeconds, String.join(" ", command),
                        readString(stdoutFile), readString(stderrFile));
            }
            exitCode = process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + mainClass, e);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new Result(mainClass, List.copyOf(command), exitCode, readBytes(stdoutFile),
                readBytes(stderrFile), runDir, outOption ? outDir : runDir.resolve("threadcheck"), millis);
    }

    private Path freshRunDir() {
        String simple = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        String name = String.format("%03d-%s%s", RUN_COUNTER.incrementAndGet(), simple,
                withAgent ? "" : "-noagent");
        try {
            Files.createDirectories(Config.workDir());
            return Files.createTempDirectory(Config.workDir(), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(isWindows() ? "NUL" : "/dev/null");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        return new String(readBytes(file), Charset.defaultCharset());
    }

    /** What one forked run did. */
    public record Result(String mainClass, List<String> command, int exitCode, byte[] stdoutBytes,
                         byte[] stderrBytes, Path runDir, Path outDir, long wallMillis) {

        public String stdout() {
            return new String(stdoutBytes, Charset.defaultCharset());
        }

        public String stderr() {
            return new String(stderrBytes, Charset.defaultCharset());
        }

        public Path jsonReport() {
            return outDir.resolve("threadcheck-report.json");
        }

        public Path textReport() {
            return outDir.resolve("threadcheck-report.txt");
        }

        /** The parsed JSON report; fails the test (showing the run's output) when it is missing or malformed. */
        public Report report() {
            Path json = jsonReport();
            if (!Files.isRegularFile(json)) {
                fail("no report at %s%n%s", json, describe());
            }
            return Report.parse(json, describe());
        }

        public String textReportContent() {
            Path text = textReport();
            if (!Files.isRegularFile(text)) {
                fail("no text report at %s%n%s", text, describe());
            }
            return readString(text);
        }

        /** The command, exit code and output, for failure messages. */
        public String describe() {
            return String.format("command: %s%nexit code: %d%n--- stdout ---%n%s%n--- stderr ---%n%s",
                    String.join(" ", command), exitCode, stdout(), stderr());
        }
    }

    /** Where things are, from failsafe's system properties with IDE-friendly defaults. */
    static final class Config {
        private Config() {
        }

        static Path moduleDir() {
            return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        }

        static Path javaHome() {
            return path("threadcheck.javaHome", Path.of(System.getProperty("java.home")));
        }

        static Path agentJar() {
            return path("threadcheck.agentJar", moduleDir().resolve("target/threadcheck-agent.jar"));
        }

        static Path programClasses() {
            return path("threadcheck.programClasses", moduleDir().resolve("target/test-classes"));
        }

        static Path workDir() {
            return path("threadcheck.workDir", moduleDir().resolve("target/it-work"));
        }

        /** The test sources, where the programs' marker comments are read from. */
        static Path testSources() {
            return path("threadcheck.testSources", moduleDir().resolve("src/test/java"));
        }

        private static Path path(String property, Path fallback) {
            String value = System.getProperty(property);
            // An unresolved Maven expression (${...}) counts as unset.
            if (value == null || value.isBlank() || value.contains("${")) {
                return fallback.toAbsolutePath().normalize();
            }
            return Path.of(value).toAbsolutePath().normalize();
        }
    }
}
