package io.threadcheck.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import programs.RacyCounter;

/** The agent jar works under any file name, as build tools copy it with a version in its name. */
class AgentJarIT {

    @Test
    void renamedJarInAnotherFolderStillFindsTheRace(@TempDir Path dir) throws Exception {
        Path renamed = Files.copy(AgentRun.agentJar(), dir.resolve("threadcheck-agent-9.9.9-renamed.jar"));
        AgentRun.Result run = AgentRun.of(RacyCounter.class).agentJar(renamed).run();
        assertThat(run.stderr()).as(run.describe()).doesNotContain("could not start");
        RacyProgramsIT.assertCounterRaces(run);
    }
}
