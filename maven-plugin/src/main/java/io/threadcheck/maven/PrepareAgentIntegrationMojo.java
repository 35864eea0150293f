package io.threadcheck.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The agent for the JVMs that failsafe forks (integration tests), set just before them: like
 * {@code prepare-agent}, with reports in {@code target/threadcheck/<execution id>-it/jvm-<pid>/}
 * so they never mix with the unit tests' reports. A threadcheck agent that prepare-agent put in
 * {@code argLine} earlier in the build is replaced, not doubled.
 */
@Mojo(name = "prepare-agent-integration", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class PrepareAgentIntegrationMojo extends AbstractAgentMojo {

    @Override
    String reportDirName(String executionId) {
        return executionId + "-it";
    }
}
