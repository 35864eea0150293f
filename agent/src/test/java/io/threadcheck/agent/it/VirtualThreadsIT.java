package io.threadcheck.agent.it;

import static io.threadcheck.agent.it.RaceAssertions.assertReportBasics;
import static io.threadcheck.agent.it.SourceMarkers.site;
import static io.threadcheck.agent.it.TasksIT.assertOnlyRace;
import static io.threadcheck.agent.it.TasksIT.assertRaceFits;
import static io.threadcheck.agent.it.TasksIT.assertRaces;
import static io.threadcheck.agent.it.TasksIT.assertRanWell;
import static io.threadcheck.agent.it.TasksIT.checkClean;
import static io.threadcheck.agent.it.TasksIT.printed;
import static io.threadcheck.agent.it.TasksIT.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.threadcheck.agent.it.Report.Race;
import io.threadcheck.agent.it.TasksIT.Side;
import java.nio.file.Files;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import programs.VirtualExecutor;
import programs.VirtualExecutorRace;
import programs.VirtualMany;
import programs.VirtualManyRace;
import programs.VirtualThreads;
import programs.VirtualThreadsRace;

/**
 * Virtual threads, on JDK 25 only (the programs reach the JDK 21 API by reflection): each is a
 * thread of its own for the analysis, with its own clock and name, whatever carrier runs it;
 * start, join, close() of a virtual-thread-per-task executor and monitors order them, and their
 * absence does not. Skipped, visibly, when JDK 25 is absent.
 */
class VirtualThreadsIT {

    /** Unnamed virtual threads are reported as "unnamed#" and their thread id. */
    private static final Predicate<String> UNNAMED = t -> t.matches("unnamed#\\d+");

    @BeforeEach
    void requireJdk25() {
        assumeTrue(Files.isExecutable(Jdk25IT.JDK25.resolve("bin/java")), "no JDK 25 at " + Jdk25IT.JDK25);
        assertThat(Jdk25IT.JDK25.resolve("release")).content().contains("JAVA_VERSION=\"25");
    }

    private static AgentRun.Result run(Class<?> program) {
        AgentRun.Result run = AgentRun.of(program).javaHome(Jdk25IT.JDK25).run();
        assertRanWell(run);
        return run;
    }

    @Test
    void startJoinAndMonitorsOrderVirtualThreads() {
        AgentRun.Result run = checkClean(run(VirtualThreads.class), "a=6 b=7 counter=8 virtual=true\n", 5);
        assertThat(run.stderr()).as(run.describe()).doesNotContain("Exception", "Error");
    }

    @Test
    void timedJoinAndWriteAfterStartDoNotOrderVirtualThreads() {
        AgentRun.Result run = run(VirtualThreadsRace.class);
        assertThat(run.stdout()).as(run.describe()).contains("alive-after-timed-join=true");
        Report report = run.report();
        assertReportBasics(report, run);
        if (report.races().size() != 2) {
            Report.failWith("expected a race on result and one on config, found " + report.races().size(), report, run);
        }
        for (Race race : report.races()) {
            if (race.variable().equals("programs.VirtualThreadsRace.result")) {
                assertRaceFits(report, run, race, race.variable(), seen(run).equals("42"),
                        Side.of("write", site(VirtualThreadsRace.class, "slowWrite", "race:vt-result-write"),
                                "vt-slow", "vt-slow"::equals),
                        Side.of("read", site(VirtualThreadsRace.class, "main", "race:vt-result-read"),
                                "main", "main"::equals));
            } else {
                assertRaceFits(report, run, race, "programs.VirtualThreadsRace.config",
                        printed(run, "config-seen").equals("2"),
                        Side.of("write", site(VirtualThreadsRace.class, "main", "race:vt-config-write"),
                                "main", "main"::equals),
                        Side.of("read", site(VirtualThreadsRace.class, "lateRead", "race:vt-config-read"),
                                "an unnamed virtual thread", UNNAMED));
            }
        }
    }

    @Test
    void perTaskExecutorSubmitInvokeAllAndClose() {
        checkClean(run(VirtualExecutor.class), "get=4,4 all=93 out=18\n", 5);
    }

    @Test
    void readingBeforeCloseRacesWithTheTask() {
        AgentRun.Result run = run(VirtualExecutorRace.class);
        assertOnlyRace(run, "programs.VirtualExecutorRace.result", seen(run).equals("42"),
                Side.of("write", site(VirtualExecutorRace.class, "slowWrite", "race:task-write"),
                        "an unnamed virtual thread", UNNAMED),
                Side.of("read", site(VirtualExecutorRace.class, "main", "race:task-read"), "main", "main"::equals));
    }

    @Test
    void aThousandVirtualThreadsOrderedByJoinMonitorAndClose() {
        checkClean(run(VirtualMany.class), "slots=500500 counter=1000 executed=2000\n", 2001);
    }

    @Test
    void aThousandVirtualThreadsIncrementingOneCounterRace() {
        AgentRun.Result run = run(VirtualManyRace.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("counted=true\n");
        // counter++ reads and writes on one line: read/write and write/write pairs, in any order.
        Side increment = Side.of(null, site(VirtualManyRace.class, "increment", "race:counter"), "many-N",
                t -> t.matches("many-\\d+"));
        assertRaces(run, "programs.VirtualManyRace.counter", increment, increment);
    }
}
