package io.threadcheck.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that starts JVMs with the threadcheck agent: the agent jar of the plugin's own version
 * (a plugin dependency, never a path) and the agent options every such goal takes.
 */
public abstract class AbstractAgentOptionsMojo extends AbstractMojo {

    static final String AGENT_GROUP = "io.threadcheck";
    static final String AGENT_ARTIFACT = "threadcheck-agent";
    static final String AGENT_CLASSIFIER = "agent";

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    List<Artifact> pluginArtifacts;

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
    boolean skip;

    /** {@code -javaagent:<jar>=out=<out>,include=...,exclude=...,mode=...,onDeadlock=...}, unquoted. */
    String agentArgument(File agentJar, Path out) {
        StringBuilder arg = new StringBuilder("-javaagent:").append(agentJar.getAbsolutePath())
                .append("=out=").append(out);
        if (includes != null && !includes.isEmpty()) arg.append(",include=").append(String.join(":", includes));
        List<String> ex = excludes == null ? DEFAULT_EXCLUDES : excludes;
        if (!ex.isEmpty()) arg.append(",exclude=").append(String.join(":", ex));
        if (mode != null && !mode.isBlank()) arg.append(",mode=").append(mode.replace(" ", ""));
        if (onDeadlock != null && !onDeadlock.isBlank()) arg.append(",onDeadlock=").append(onDeadlock.trim());
        return arg.toString();
    }

    File agentJar() throws MojoExecutionException {
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
