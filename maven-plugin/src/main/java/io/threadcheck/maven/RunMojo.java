package io.threadcheck.maven;

import io.threadcheck.core.report.JsonReportReader;
import io.threadcheck.core.report.Report;
import io.threadcheck.core.report.TextReportWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Runs programs of the project, each in its own JVM under the agent, one after the other, and
 * reports what each one's run found. The programs: {@link #mainClass} with {@link #arguments},
 * the list {@link #programs}, and every class with a {@code main} method in {@link #packages};
 * with none of them configured the goal stops with an error (it never guesses what to start).
 * To check the project's tests instead, use {@code prepare-agent} and {@code check}.
 *
 * <p>Each program gets {@code <destDir>/run/<main class>/}: the agent's report, the program's
 * {@code stdout.txt} and {@code stderr.txt}, and {@code program.properties} (command, exit code,
 * time, whether it timed out). A program still running after {@link #timeoutSeconds} is
 * killed and fails the goal; a non-zero exit code is reported and does not. {@code check} and
 * {@code report} read these reports like the tests' ones.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public class RunMojo extends AbstractAgentOptionsMojo {

    static final String PROGRAM_FILE = "program.properties";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** One program to run: its main class. */
    @Parameter(property = "threadcheck.mainClass")
    private String mainClass;

    /** The arguments of {@link #mainClass}. */
    @Parameter(property = "threadcheck.arguments")
    private List<String> arguments;

    /** Programs to run, each {@code <program><mainClass>..</mainClass><arguments>..</arguments></program>}. */
    @Parameter
    private List<Program> programs;

    /** Run every class with a {@code main} method in these packages (and their sub-packages), without arguments. */
    @Parameter(property = "threadcheck.packages")
    private List<String> packages;

    /** Main classes not to run from {@link #packages}: names, or prefixes ending in {@code *}. */
    @Parameter
    private List<String> skippedClasses;

    /** The class path: {@code runtime} (main classes and runtime dependencies) or {@code test} (test classes too). */
    @Parameter(property = "threadcheck.classpathScope", defaultValue = "runtime")
    private String classpathScope;

    /** Seconds each program may run; after that it is killed and the goal fails. */
    @Parameter(property = "threadcheck.timeoutSeconds", defaultValue = "120")
    private long timeoutSeconds;

    /** Options for every program's JVM ({@code -Xmx1g}, {@code -Dkey=value}), placed before the agent. */
    @Parameter(property = "threadcheck.jvmArgs")
    private List<String> jvmArgs;

    /** The JDK to run the programs with (its {@code bin/java}); by default the one Maven runs on. */
    @Parameter(property = "threadcheck.jdkHome")
    private File jdkHome;

    /** Where the reports go: {@code run/<main class>/} below it. */
    @Parameter(property = "threadcheck.destDir", defaultValue = "${project.build.directory}/threadcheck")
    private File destDir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("threadcheck: skipped (threadcheck.skip)");
            return;
        }
        List<Program> toRun = programsToRun();
        if (toRun.isEmpty()) {
            if (packages != null && !packages.isEmpty()) {
                getLog().warn("threadcheck: no class with a main method in " + packages + " under "
                        + project.getBuild().getOutputDirectory());
                return;
            }
            throw new MojoExecutionException("threadcheck:run has nothing to run: set mainClass (-Dthreadcheck.mainClass),"
                    + " programs or packages; to check the tests, use the prepare-agent and check goals");
        }
        Path java = javaExecutable();
        String classpath = String.join(File.pathSeparator, classpath());
        File agentJar = agentJar();
        Path runRoot = destDir.toPath().resolve("run").toAbsolutePath();
        List<String> timedOut = new ArrayList<>();
        Set<String> dirNames = new HashSet<>();
        for (Program program : toRun) {
            String dirName = program.mainClass;
            for (int n = 2; !dirNames.add(dirName); n++) dirName = program.mainClass + "-" + n;
            Path dir = runRoot.resolve(dirName);
            if (!runOne(program, dir, java, classpath, agentJar)) timedOut.add(program.toString());
        }
        if (!timedOut.isEmpty()) {
            throw new MojoFailureException("threadcheck: " + timedOut.size() + " program(s) did not finish within "
                    + timeoutSeconds + " s and were killed: " + String.join(", ", timedOut));
        }
    }

    private List<Program> programsToRun() throws MojoExecutionException {
        List<Program> list = new ArrayList<>();
        if (mainClass != null && !mainClass.isBlank()) list.add(new Program(mainClass.trim(), arguments));
        if (programs != null) {
            for (Program p : programs) {
                if (p.mainClass == null || p.mainClass.isBlank()) {
                    throw new MojoExecutionException("threadcheck: a <program> without <mainClass>");
                }
                list.add(p);
            }
        }
        if (packages != null && !packages.isEmpty()) {
            List<String> unreadable = new ArrayList<>();
            try {
                for (String name : MainClasses.find(Path.of(project.getBuild().getOutputDirectory()), packages, unreadable)) {
                    if (!skipped(name)) list.add(new Program(name, List.of()));
                }
                if ("test".equals(classpathScope)) {
                    for (String name : MainClasses.find(Path.of(project.getBuild().getTestOutputDirectory()), packages,
                            unreadable)) {
                        if (!skipped(name)) list.add(new Program(name, List.of()));
                    }
                }
            } catch (IOException e) {
                throw new MojoExecutionException("threadcheck: cannot list the classes of " + project.getName() + ": " + e, e);
            }
            for (String line : unreadable) getLog().warn("threadcheck: cannot read class file " + line + "; skipped");
        }
        return list;
    }

    private boolean skipped(String className) {
        if (skippedClasses == null) return false;
        for (String s : skippedClasses) {
            String p = s.trim();
            if (p.endsWith("*") ? className.startsWith(p.substring(0, p.length() - 1)) : className.equals(p)) return true;
        }
        return false;
    }

    private List<String> classpath() throws MojoExecutionException {
        try {
            return switch (classpathScope) {
                case "runtime" -> project.getRuntimeClasspathElements();
                case "test" -> project.getTestClasspathElements();
                default -> throw new MojoExecutionException("threadcheck: classpathScope must be runtime or test, not '"
                        + classpathScope + "'");
            };
        } catch (org.apache.maven.artifact.DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("threadcheck: the class path of " + project.getName() + " is not resolved: " + e, e);
        }
    }

    private Path javaExecutable() throws MojoExecutionException {
        Path home = jdkHome != null ? jdkHome.toPath() : Path.of(System.getProperty("java.home"));
        Path java = home.resolve("bin").resolve(windows() ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            throw new MojoExecutionException("threadcheck: no java executable at " + java + " (jdkHome " + home + ")");
        }
        return java;
    }

    /** Runs one program; false when it had to be killed. */
    private boolean runOne(Program program, Path dir, Path java, String classpath, File agentJar)
            throws MojoExecutionException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        if (jvmArgs != null) command.addAll(jvmArgs);
        command.add(agentArgument(agentJar, dir));
        command.add("-cp");
        command.add(classpath);
        command.add(program.mainClass);
        command.addAll(program.arguments);
        long started = System.nanoTime();
        int exitCode;
        boolean finished;
        try {
            Files.createDirectories(dir);
            ReportFiles.removeOld(dir);
            Process process = new ProcessBuilder(command)
                    .directory(project.getBasedir())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(windows() ? "NUL" : "/dev/null")))
                    .redirectOutput(dir.resolve("stdout.txt").toFile())
                    .redirectError(dir.resolve("stderr.txt").toFile())
                    .start();
            finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            exitCode = finished ? process.exitValue() : -1;
        } catch (IOException e) {
            throw new MojoExecutionException("threadcheck: cannot run " + program + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("threadcheck: interrupted while running " + program, e);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        writeProgramFile(dir, command, exitCode, millis, !finished);
        String outcome = !finished ? "killed after " + timeoutSeconds + " s"
                : "exit code " + exitCode + " in " + millis + " ms";
        Path json = dir.resolve(ReportFiles.JSON);
        if (Files.isRegularFile(json)) {
            try {
                Report report = new JsonReportReader().read(json);
                String line = "threadcheck: " + program + ": " + outcome + "; " + TextReportWriter.summaryLine(report)
                        .replaceFirst("^threadcheck: ", "") + " (" + dir + ")";
                if (report.races().isEmpty() && report.deadlocks().isEmpty()) getLog().info(line);
                else getLog().warn(line);
            } catch (IOException e) {
                getLog().warn("threadcheck: " + program + ": " + outcome + "; its report cannot be read: " + e.getMessage());
            }
        } else {
            getLog().warn("threadcheck: " + program + ": " + outcome + "; no report in " + dir + " (see stderr.txt there)");
        }
        return finished;
    }

    private static void writeProgramFile(Path dir, List<String> command, int exitCode, long millis, boolean timedOut)
            throws MojoExecutionException {
        Properties p = new Properties();
        p.setProperty("command", String.join(" ", command));
        p.setProperty("exitCode", Integer.toString(exitCode));
        p.setProperty("millis", Long.toString(millis));
        p.setProperty("timedOut", Boolean.toString(timedOut));
        try (var out = Files.newBufferedWriter(dir.resolve(PROGRAM_FILE), StandardCharsets.UTF_8)) {
            p.store(out, "threadcheck:run");
        } catch (IOException e) {
            throw new MojoExecutionException("threadcheck: cannot write " + dir.resolve(PROGRAM_FILE) + ": " + e, e);
        }
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
