package io.threadcheck.agent.it;

import static io.threadcheck.agent.it.RaceAssertions.assertCleanRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import programs.RacyCounter;
import programs.SynchronizedCounter;

/**
 * The same checks on a JDK 25 runtime (the programs are compiled for 17). Skipped, visibly, when
 * that JDK is absent (each test reports as skipped); its location can be set with
 * -Dthreadcheck.jdk25Home=... .
 */
class Jdk25IT {

    static final Path JDK25 = Path.of(System.getProperty("threadcheck.jdk25Home", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @BeforeEach
    void requireJdk25() {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25 + "; skipping JDK 25 runs");
        // It must really be a 25, or these tests would check the wrong thing under the right name.
        assertThat(JDK25.resolve("release")).content().contains("JAVA_VERSION=\"25");
    }

    @Test
    void racyCounterOnJdk25() {
        AgentRun.Result run = AgentRun.of(RacyCounter.class).javaHome(JDK25).run();
        RacyProgramsIT.assertCounterRaces(run);
    }

    @Test
    void synchronizedCounterOnJdk25IsClean() {
        AgentRun.Result run = AgentRun.of(SynchronizedCounter.class).javaHome(JDK25).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("method=2000 block=2000 static=2000\n");
        assertCleanRun(run.report(), run, 3);
    }
}
