package io.threadcheck.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
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
public abstract class AbstractAgentMojo extends AbstractAgentOptionsMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    /** The property the agent option is prepended to; surefire and failsafe read {@code argLine}. */
    @Parameter(property = "threadcheck.propertyName", defaultValue = "argLine")
    private String propertyName;

    /** Where the reports go: one sub-directory per execution of this goal ({@link #reportDirName}). */
    @Parameter(property = "threadcheck.destDir", defaultValue = "${project.build.directory}/threadcheck")
    private File destDir;

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
        String option = ArgLine.quote(agentArgument(agentJar, out.resolve("jvm-%p")));
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

}
