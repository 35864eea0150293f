package io.threadcheck.agent.it;

import static io.threadcheck.agent.it.RaceAssertions.assertCleanRun;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import programs.ArrayDistinctElements;
import programs.StartJoinOrdering;
import programs.StaticInitPublication;
import programs.SynchronizedCounter;
import programs.VolatileFlagHandoff;
import programs.WaitNotifyHandoff;

/**
 * Programs whose shared accesses are all ordered by happens-before: no races, and a run section
 * proving they were actually checked (so an empty or broken run cannot pass as clean).
 */
class CleanProgramsIT {

    private static AgentRun.Result runClean(Class<?> program, String expectedStdout, int minThreads) {
        AgentRun.Result run = AgentRun.of(program).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines(expectedStdout);
        assertCleanRun(run.report(), run, minThreads);
        return run;
    }

    @Test
    void distinctArrayElementsDoNotRace() {
        // 4 threads x 200 rounds adding (i + 1) to element i.
        runClean(ArrayDistinctElements.class, "sum=2000\n", 5);
    }

    @Test
    void synchronizedMethodsAndBlocksDoNotRace() {
        runClean(SynchronizedCounter.class, "method=2000 block=2000 static=2000\n", 3);
    }

    @Test
    void startAndJoinOrderAccesses() {
        runClean(StartJoinOrdering.class, "data=111 cells=6,5\n", 2);
    }

    @Test
    void volatileFlagPublishesPlainData() {
        runClean(VolatileFlagHandoff.class, "seen=49\n", 3);
    }

    @Test
    void waitNotifyHandoffDoesNotRace() {
        // Sum of i*i for i < 50.
        runClean(WaitNotifyHandoff.class, "sum=40425\n", 3);
    }

    @Test
    void staticInitialiserPublishesToAllThreads() {
        runClean(StaticInitPublication.class, "results=30,13\n", 3);
    }
}
