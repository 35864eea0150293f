package io.threadcheck.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Puts the threadcheck agent on the command line of the JVMs that a test plugin forks, the way
 * JaCoCo's prepare-agent goals do: {@code -javaagent:<agent jar>=out=<dir>/jvm-%p,...} is
 * prepended to the property {@code argLine} (or {@link #propertyName}), keeping what it held
 * before, JaCoCo's agent included, and replacing a threadcheck agent put there before. Every
 * JVM writes its own report, {@code <destDir>/<reportDir>/jvm-<pid>/}, which
 * {@code threadcheck:check} and {@code threadcheck:report} read.
 *
 * <p>If the test plugin's {@code <argLine>} is configured in the POM, write it as
 * {@code <argLine>@{argLine} your options</argLine>} so that the property set here is used.
 */
public abstract class AbstractAgentMojo extends AbstractMojo {

    static final String AGENT_GROUP = "io.threadcheck";
    static final String AGENT_ARTIFACT = "threadcheck-agent";
    static final String AGENT_CLASSIFIER = "agent";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    /** The property the agent option is prepended to; surefire and failsafe read {@code argLine}. */
    @Parameter(property = "threadcheck.propertyName", defaultValue = "argLine")
    private String propertyName;

    /** Where the reports go: one sub-directory per execution of this goal ({@link #reportDirName}). */
    @Parameter(property = "threadcheck.destDir", defaultValue = "${project.build.directory}/threadcheck")
    private File destDir;

    /**
     * Classes to instrument, as the agent's {@code include=} patterns ({@code com.example.*});
     * empty means every class the agent may instrument.
     */
    @Parameter
    private List<String> includes;

    /**
     * Classes not to instrument, as the agent's {@code exclude=} patterns. By default the test
     * runner's own classes (surefire, JUnit), which are not the code under test.
     */
    @Parameter
    private List<String> excludes;

    static final List<String> DEFAULT_EXCLUDES =
            List.of("org.apache.maven.surefire.*", "org.junit.*", "junit.*", "org.opentest4j.*");

    /** The analyses to run, as the agent's {@code mode=}: {@code race}, {@code deadlock}, {@code contention}. */
    @Parameter(property = "threadcheck.mode", defaultValue = "race,deadlock,contention")
    private String mode;

    /**
     * What a test JVM does when its threads really deadlock: {@code exit} (the default here)
     * writes the report and ends the JVM with status 86, so the build fails instead of hanging;
     * {@code report} writes the report and leaves the JVM to the test runner's own timeout.
     */
    @Parameter(property = "threadcheck.onDeadlock", defaultValue = "exit")
    private String onDeadlock;

    /** Skips every threadcheck goal. */
    @Parameter(property = "threadcheck.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("threadcheck: skipped (threadcheck.skip)");
            // Keep a POM that writes <argLine>@{argLine}</argLine> working: the property must exist.
            if (currentValue() == null) project.getProperties().setProperty(propertyName, "");
            return;
        }
        File agentJar = agentJar();
        Path out = destDir.toPath().resolve(reportDirName(mojoExecution.getExecutionId())).toAbsolutePath();
        ReportFiles.removeOld(out);   // reports of an earlier build would be read again by check
        StringBuilder agentArg = new StringBuilder("-javaagent:").append(agentJar.getAbsolutePath())
                .append("=out=").append(out.resolve("jvm-%p"));
        if (includes != null && !includes.isEmpty()) agentArg.append(",include=").append(String.join(":", includes));
        List<String> ex = excludes == null ? DEFAULT_EXCLUDES : excludes;
        if (!ex.isEmpty()) agentArg.append(",exclude=").append(String.join(":", ex));
        if (mode != null && !mode.isBlank()) agentArg.append(",mode=").append(mode.replace(" ", ""));
        if (onDeadlock != null && !onDeadlock.isBlank()) agentArg.append(",onDeadlock=").append(onDeadlock.trim());
        String option = ArgLine.quote(agentArg.toString());
        String old = withoutAgent(currentValue(), agentJar);
        String value = old == null || old.isBlank() ? option : option + " " + old;
        // A value given on the command line (-DargLine=...) wins over project properties, so
        // it is where the new value must go too.
        Properties user = session.getUserProperties();
        if (user.getProperty(propertyName) != null) user.setProperty(propertyName, value);
        project.getProperties().setProperty(propertyName, value);
        getLog().info("threadcheck: " + propertyName + " set to " + value);
    }

    /** The directory under {@code destDir} for the reports of this execution. */
    abstract String reportDirName(String executionId);

    /**
     * {@code argLine} without a threadcheck agent of this jar that an earlier execution put
     * there (prepare-agent, then prepare-agent-integration in the same build): one agent only.
     */
    static String withoutAgent(String argLine, File agentJar) {
        if (argLine == null) return null;
        List<String> kept = new java.util.ArrayList<>();
        for (String arg : ArgLine.split(argLine)) {
            if (!arg.startsWith("-javaagent:" + agentJar.getAbsolutePath())) kept.add(ArgLine.quote(arg));
        }
        return String.join(" ", kept);
    }

    private String currentValue() {
        String user = session.getUserProperties().getProperty(propertyName);
        return user != null ? user : project.getProperties().getProperty(propertyName);
    }

    private File agentJar() throws MojoExecutionException {
        for (Artifact a : pluginArtifacts) {
            if (AGENT_GROUP.equals(a.getGroupId()) && AGENT_ARTIFACT.equals(a.getArtifactId())
                    && AGENT_CLASSIFIER.equals(a.getClassifier()) && a.getFile() != null) {
                return a.getFile();
            }
        }
        throw new MojoExecutionException("threadcheck: the plugin's dependency " + AGENT_GROUP + ":" + AGENT_ARTIFACT
                + ":jar:" + AGENT_CLASSIFIER + " was not resolved; the plugin installation is broken");
    }
}
