package io.threadcheck.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The agent for the JVMs that surefire forks (unit tests): {@code -javaagent:...} prepended to
 * {@code argLine}, reports in {@code target/threadcheck/<execution id>/jvm-<pid>/}. See
 * {@link AbstractAgentMojo}.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractAgentMojo {

    @Override
    String reportDirName(String executionId) {
        return executionId;
    }
}
