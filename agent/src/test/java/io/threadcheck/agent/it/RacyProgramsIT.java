package io.threadcheck.agent.it;

import static io.threadcheck.agent.it.RaceAssertions.ExpectedAccess.byMain;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedAccess.byWorker;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedRace.ordered;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedRace.unordered;
import static io.threadcheck.agent.it.RaceAssertions.assertExactlyRaces;
import static io.threadcheck.agent.it.RaceAssertions.assertReportBasics;
import static io.threadcheck.agent.it.SourceMarkers.lambdaSite;
import static io.threadcheck.agent.it.SourceMarkers.site;
import static org.assertj.core.api.Assertions.assertThat;

import io.threadcheck.agent.it.RaceAssertions.ExpectedAccess;
import io.threadcheck.agent.it.Report.Access;
import io.threadcheck.agent.it.Report.Race;
import io.threadcheck.agent.it.Report.Site;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import programs.ArraySameElement;
import programs.HalfLocked;
import programs.RacyCounter;
import programs.RacyLazyInit;
import programs.RacyStatic;
import programs.TimedJoinRace;

/** Each racy program, run with the agent, reports exactly its races and nothing else. */
class RacyProgramsIT {

    @Test
    void racyCounterReportsTheIncrementLine() {
        AgentRun.Result run = AgentRun.of(RacyCounter.class).run();
        assertCounterRaces(run);
    }

    /**
     * {@code count++} reads and writes on one line from two threads, so which read/write pairs are
     * reported depends on the interleaving. Every entry must be on {@code count}, between the two
     * counter threads, with both sites on the {@code count++} line; at least one must exist.
     */
    static void assertCounterRaces(AgentRun.Result run) {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).startsWith("count=");
        Report report = run.report();
        assertReportBasics(report, run);

        Site inc = site(RacyCounter.class, "inc", "race:count");
        Map<String, Site> startSites = Map.of(
                "counter-1", site(RacyCounter.class, "main", "start:counter-1"),
                "counter-2", site(RacyCounter.class, "main", "start:counter-2"));
        if (report.races().isEmpty()) {
            Report.failWith("expected races on programs.RacyCounter.count at " + inc + ", found none", report, run);
        }
        for (Race race : report.races()) {
            if (!race.variable().equals("programs.RacyCounter.count")) {
                Report.failWith("race on " + race.variable() + ", expected only programs.RacyCounter.count", report, run);
            }
            Set<String> threads = new HashSet<>();
            for (Access access : race.accesses()) {
                threads.add(access.thread());
                Site start = startSites.get(access.thread());
                if (start == null) {
                    Report.failWith("race access by unexpected thread " + access.thread(), report, run);
                }
                String mismatch = byWorker(access.thread(), access.op(), inc, start).mismatch(access);
                if (mismatch != null) {
                    Report.failWith("race access does not fit the counter's race: " + mismatch, report, run);
                }
            }
            assertThat(threads).as("both counter threads in\n%s", race).containsExactlyInAnyOrder("counter-1", "counter-2");
        }
    }

    @Test
    void racyStaticReportsTheTwoLambdaWrites() {
        AgentRun.Result run = AgentRun.of(RacyStatic.class).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).matches("value=[12]\\R");

        assertExactlyRaces(run.report(), run, unordered("programs.RacyStatic.value",
                byWorker("writer-a", "write", lambdaSite(RacyStatic.class, "main", "race:static-write-a"),
                        site(RacyStatic.class, "main", "start:writer-a")),
                byWorker("writer-b", "write", lambdaSite(RacyStatic.class, "main", "race:static-write-b"),
                        site(RacyStatic.class, "main", "start:writer-b")))
                .withCount(1));
    }

    @Test
    void arraySameElementReportsTheElement() {
        AgentRun.Result run = AgentRun.of(ArraySameElement.class).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("array[0] set: true\n");

        Site write = site(ArraySameElement.class, "writeFirst", "race:array-write");
        assertExactlyRaces(run.report(), run, unordered("int[]@<hash>[0]",
                byWorker("array-writer-1", "write", write, site(ArraySameElement.class, "main", "start:array-writer-1")),
                byWorker("array-writer-2", "write", write, site(ArraySameElement.class, "main", "start:array-writer-2")))
                .variableMatching("int\\[\\]@[0-9a-f]+\\[0\\]")
                .withCount(1));
    }

    @Test
    void racyLazyInitReportsCheckAgainstAssign() {
        AgentRun.Result run = AgentRun.of(RacyLazyInit.class).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        Matcher created = Pattern.compile("created-by=(\\S*)").matcher(run.stdout());
        assertThat(created.find()).as(run.describe()).isTrue();

        String variable = "programs.RacyLazyInit.instance";
        Site check = site(RacyLazyInit.class, "getInstance", "race:lazy-check");
        Site assign = site(RacyLazyInit.class, "getInstance", "race:lazy-assign");
        Map<String, Site> starts = Map.of(
                "lazy-1", site(RacyLazyInit.class, "main", "start:lazy-1"),
                "lazy-2", site(RacyLazyInit.class, "main", "start:lazy-2"));
        String creators = created.group(1);
        switch (creators) {
            case "lazy-1", "lazy-2" -> {
                // One thread created and published the instance; the other read it (its read saw the
                // write, so the write came first): exactly one write-read race.
                String other = creators.equals("lazy-1") ? "lazy-2" : "lazy-1";
                assertExactlyRaces(run.report(), run, ordered(variable,
                        byWorker(creators, "write", assign, starts.get(creators)),
                        byWorker(other, "read", check, starts.get(other)))
                        .withCount(1));
            }
            case "lazy-1,lazy-2" -> {
                // Rare interleaving (both read null despite lazy-2's head start). Which read/write
                // pairs get reported then depends on the order; each must still be check/assign.
                Report report = run.report();
                assertReportBasics(report, run);
                assertThat(report.races()).as(report.prettyRaces()).isNotEmpty();
                for (Race race : report.races()) {
                    assertThat(race.variable()).as("%s", race).isEqualTo(variable);
                    for (Access access : race.accesses()) {
                        Site expectedSite = access.isWrite() ? assign : check;
                        assertThat(starts).as("thread of %s", race).containsKey(access.thread());
                        assertThat(byWorker(access.thread(), access.op(), expectedSite, starts.get(access.thread()))
                                .mismatch(access)).as("%s", race).isNull();
                    }
                }
            }
            default -> throw new AssertionError("program reports no creator: " + run.describe());
        }
    }

    @Test
    void timedJoinOnLiveThreadDoesNotOrder() {
        AgentRun.Result run = AgentRun.of(TimedJoinRace.class).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        // The scenario needs the worker alive after the timed join (it sleeps far longer).
        assertThat(run.stdout()).as(run.describe()).contains("alive-after-timed-join=true");
        Matcher seen = Pattern.compile("seen=(\\d+)").matcher(run.stdout());
        assertThat(seen.find()).as(run.describe()).isTrue();

        ExpectedAccess read = byMain("read", site(TimedJoinRace.class, "main", "race:result-read"));
        ExpectedAccess write = byWorker("worker", "write", site(TimedJoinRace.class, "compute", "race:result-write"),
                site(TimedJoinRace.class, "main", "start:worker"));
        // main saw 0: its read came before the worker's write; saw 42: after it.
        boolean readFirst = seen.group(1).equals("0");
        assertThat(seen.group(1)).as(run.describe()).isIn("0", "42");
        assertExactlyRaces(run.report(), run,
                (readFirst ? ordered("programs.TimedJoinRace.result", read, write)
                        : ordered("programs.TimedJoinRace.result", write, read)).withCount(1));
    }

    @Test
    void lockOnOneSideOnlyIsStillARace() {
        AgentRun.Result run = AgentRun.of(HalfLocked.class).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("done\n");

        Report report = run.report();
        assertExactlyRaces(report, run, unordered("programs.HalfLocked.shared",
                byWorker("locked-writer", "write", site(HalfLocked.class, "write", "race:locked-write"),
                        site(HalfLocked.class, "main", "start:locked-writer")).holdingLocks(1),
                byWorker("unlocked-reader", "read", site(HalfLocked.class, "read", "race:unlocked-read"),
                        site(HalfLocked.class, "main", "start:unlocked-reader")))
                .withCount(1));
        for (Access access : report.races().get(0).accesses()) {
            assertThat(access.locksHeld()).as("lock names are non-blank: %s", access).allSatisfy(
                    lock -> assertThat(lock).isNotBlank());
        }
    }
}
