package io.threadcheck.agent.it;

import static io.threadcheck.agent.it.RaceAssertions.ExpectedAccess.byWorker;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedRace.unordered;
import static io.threadcheck.agent.it.RaceAssertions.assertCleanRun;
import static io.threadcheck.agent.it.RaceAssertions.assertExactlyRaces;
import static io.threadcheck.agent.it.RaceAssertions.assertReportBasics;
import static io.threadcheck.agent.it.SourceMarkers.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.threadcheck.agent.it.RaceAssertions.ExpectedAccess;
import io.threadcheck.agent.it.Report.Access;
import io.threadcheck.agent.it.Report.Race;
import io.threadcheck.agent.it.Report.Site;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import programs.CollChannels;
import programs.CollComputeCounters;
import programs.CollComputeRace;
import programs.CollHandoff;
import programs.CollHandoffLateWrite;
import programs.CollLinkedHashMapGets;
import programs.CollSubclass;
import programs.CollSynchronizedIterationRace;
import programs.CollSynchronizedWrappers;
import programs.CollTraversals;
import programs.CollUnsafe;
import programs.CollUnsafeHandover;
import programs.CollUnsafeLocked;
import programs.CollUnsafeRace;
import programs.CollUnsafeViews;

/**
 * Collections: concurrent collections publish what is put into them (and nothing written
 * after), compute callbacks publish the values they make, monitor-based collections order
 * through their monitor, and unsynchronised use of a non-thread-safe collection is reported at
 * the program's lines.
 */
class CollectionsIT {

    /** The map kinds of {@link CollUnsafe}: they are filled with put, the others with add. */
    private static final Set<String> UNSAFE_MAPS = Set.of("hashmap", "linkedhashmap", "treemap", "weakhashmap",
            "identityhashmap", "enummap", "subclass");

    private static AgentRun.Result runClean(Class<?> program, String expectedStdout, int minThreads, String... args) {
        AgentRun.Result run = AgentRun.of(program).args(args).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines(expectedStdout);
        assertCleanRun(run.report(), run, minThreads);
        return run;
    }

    private static AgentRun.Result runRacy(Class<?> program, String expectedStdout, String... args) {
        AgentRun.Result run = AgentRun.of(program).args(args).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines(expectedStdout);
        return run;
    }

    private static ExpectedAccess worker(Class<?> program, String thread, String op, String method, String marker) {
        return byWorker(thread, op, site(program, method, marker), site(program, "main", "start:" + thread));
    }

    // --- concurrent collections: what goes in is published to whoever takes it out ---------------

    static Stream<String> channelKinds() {
        return CollChannels.KINDS.stream();
    }

    @ParameterizedTest
    @MethodSource("channelKinds")
    void handoffThroughAConcurrentCollectionIsOrdered(String kind) {
        // 100 items, a + b = 3 * id: 3 * (0 + ... + 99)
        runClean(CollHandoff.class, "kind=" + kind + " received=100 sum=14850\n", 5, kind);
    }

    @ParameterizedTest
    @MethodSource("channelKinds")
    void writeAfterInsertionRacesWithTheConsumer(String kind) {
        AgentRun.Result run = runRacy(CollHandoffLateWrite.class, "kind=" + kind + " sum=45\n", kind);
        assertExactlyRaces(run.report(), run, unordered("programs.CollChannels$Item.late",
                worker(CollHandoffLateWrite.class, "producer", "write", "produce", "race:late-write"),
                worker(CollHandoffLateWrite.class, "consumer", "read", "consume", "race:late-read")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lbq", "sync", "pbq", "chm", "cowal", "sync-list"})
    void handoffBetweenVirtualThreadsIsOrdered(String kind) {
        assumeTrue(Files.isExecutable(Jdk25IT.JDK25.resolve("bin/java")), "no JDK 25 at " + Jdk25IT.JDK25);
        AgentRun.Result run = AgentRun.of(CollHandoff.class).args(kind, "virtual").javaHome(Jdk25IT.JDK25).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe())
                .isEqualToNormalizingNewlines("kind=" + kind + " received=100 sum=14850\n");
        assertCleanRun(run.report(), run, 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chm-foreach", "cslm-foreach", "chm-values-stream", "cslm-values-stream",
            "chm-entry-stream", "chm-unmodifiable-entries", "chm-removeif", "clq-foreach", "lbq-foreach", "clq-toarray", "cowal-foreach"})
    void traversalCallbacksSeeTheElementsTheyAreGiven(String kind) {
        // weights 1..60
        runClean(CollTraversals.class, "kind=" + kind + " weight=1830\n", 3, kind);
    }

    // --- compute callbacks: the value a callback makes is published with it ------------------------

    @ParameterizedTest
    @ValueSource(strings = {"chm", "cslm"})
    void valuesMadeByComputeCallbacksAreSharedSafely(String map) {
        String tallies = map.equals("chm") ? "100/150 100 100 100" : "100/150 100 100";
        StringBuilder expected = new StringBuilder("{");
        for (String word : new TreeSet<>(List.of(CollComputeCounters.WORDS))) {
            if (expected.length() > 1) expected.append(", ");
            expected.append(word).append('=').append(tallies);
        }
        expected.append("} length=2600\n");
        runClean(CollComputeCounters.class, expected.toString(), 5, map);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chm", "cslm"})
    void unlockedWritesToAComputedValueRace(String map) {
        AgentRun.Result run = runRacy(CollComputeRace.class, "holders=1\n", map);
        assertExactlyRaces(run.report(), run, unordered("programs.CollComputeRace$Holder.lastUser",
                worker(CollComputeRace.class, "user-1", "write", "use", "race:last-user"),
                worker(CollComputeRace.class, "user-2", "write", "use", "race:last-user"))
                .withCount(1));
    }

    // --- non-thread-safe collections: unsynchronised use is a race at the program's lines ---------

    @Test
    void plainHashMapFilledByTwoThreadsRacesAtThePutLines() {
        assertFillRace("hashmap");
    }

    static Stream<String> otherUnsafeKinds() {
        return CollUnsafe.HOLDERS.keySet().stream().filter(k -> !k.equals("hashmap")).sorted();
    }

    @ParameterizedTest
    @MethodSource("otherUnsafeKinds")
    void unsynchronisedFillRacesAtTheInsertionLines(String kind) {
        assertFillRace(kind);
    }

    private static void assertFillRace(String kind) {
        AgentRun.Result run = runRacy(CollUnsafeRace.class, "kind=" + kind + " done\n", kind);
        boolean map = UNSAFE_MAPS.contains(kind);
        assertExactlyRaces(run.report(), run, unordered(CollUnsafe.HOLDERS.get(kind) + ".<contents>",
                worker(CollUnsafeRace.class, "writer-a", "write", "fillA", map ? "race:put-a" : "race:add-a"),
                worker(CollUnsafeRace.class, "writer-b", "write", "fillB", map ? "race:put-b" : "race:add-b")));
    }

    static Stream<String> unsafeKinds() {
        return CollUnsafe.HOLDERS.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("unsafeKinds")
    void fillingUnderOneLockIsOrdered(String kind) {
        int size = kind.startsWith("enum") ? 7 : 40; // enum kinds have the seven TimeUnit constants
        runClean(CollUnsafeLocked.class, "kind=" + kind + " size=" + size + "\n", 4, kind);
    }

    static Stream<String> handoverKinds() {
        // WeakHashMap is left out: its lookups expunge stale entries, so concurrent readers write.
        return CollUnsafe.HOLDERS.keySet().stream().filter(k -> !k.equals("weakhashmap")).sorted();
    }

    @ParameterizedTest
    @MethodSource("handoverKinds")
    void handingOverByStartAndJoinIsOrdered(String kind) {
        String expected = kind.startsWith("enum") ? "seen=1007,1007 after=1007" : "seen=1020,1020 after=20";
        runClean(CollUnsafeHandover.class, "kind=" + kind + " " + expected + "\n", 4, kind);
    }

    static Stream<String> views() {
        return CollUnsafeViews.HOLDERS.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("views")
    void readingThroughAViewRacesWithAWriteToTheCollection(String view) {
        AgentRun.Result run = runRacy(CollUnsafeViews.class, "view=" + view + " done\n", view);
        String writeMarker = view.equals("enummap-values") ? "race:enum-put"
                : view.startsWith("hashmap") || view.startsWith("treemap") || view.equals("identity-keyset")
                || view.equals("unmodifiable-map") ? "race:map-put" : "race:add";
        assertExactlyRaces(run.report(), run, unordered(CollUnsafeViews.HOLDERS.get(view) + ".<contents>",
                worker(CollUnsafeViews.class, "reader", "read", "iterate", "race:view-read"),
                worker(CollUnsafeViews.class, "writer", "write", "addLater", writeMarker)).withCount(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"access", "weak"})
    void lookupsThatRestructureTheMapRace(String kind) {
        AgentRun.Result run = runRacy(CollLinkedHashMapGets.class, "kind=" + kind + " sums=12,16\n", kind);
        String holder = kind.equals("access") ? "java.util.LinkedHashMap" : "java.util.WeakHashMap";
        assertExactlyRaces(run.report(), run, unordered(holder + ".<contents>",
                worker(CollLinkedHashMapGets.class, "reader-a", "write", "lookUpA", "race:get-a"),
                worker(CollLinkedHashMapGets.class, "reader-b", "write", "lookUpB", "race:get-b")));
    }

    @Test
    void lookupsInAnInsertionOrderedLinkedHashMapOnlyRead() {
        runClean(CollLinkedHashMapGets.class, "kind=insertion sums=12,16\n", 3, "insertion");
    }

    @Test
    void programSubclassThatAddsNothingIsAsUnsafeAsItsJdkClass() {
        AgentRun.Result run = runRacy(CollSubclass.class, "size=10\n", "plain");
        assertExactlyRaces(run.report(), run, unordered("java.util.HashMap.<contents>",
                worker(CollSubclass.class, "writer-a", "write", "fillA", "race:put-a"),
                worker(CollSubclass.class, "writer-b", "write", "fillB", "race:put-b")));
    }

    @Test
    void programSubclassWithSynchronizedOverridesIsCheckedAsProgramCode() {
        runClean(CollSubclass.class, "size=10\n", 3, "synchronized");
    }

    // --- monitor-based collections ---------------------------------------------------------------

    @Test
    void synchronizedWrappersVectorAndHashtableOrderThroughTheirMonitor() {
        runClean(CollSynchronizedWrappers.class,
                "list=60 map=60 set=10 vector=120 table=60 final=14145\n", 4);
    }

    /**
     * The iterating side is a program line; the adding side is the wrapper's own line inside
     * the JDK (Collections.java, whose line differs between JDKs), holding the wrapper's monitor,
     * called from the program's add line (shown in its stack when it is the later access).
     */
    @Test
    void iteratingASynchronizedListWithoutItsMonitorRacesWithItsAdd() {
        AgentRun.Result run = runRacy(CollSynchronizedIterationRace.class, "size=6\n");
        Report report = run.report();
        assertReportBasics(report, run);
        assertThat(report.races()).as(report.prettyRaces()).hasSize(1);
        Race race = report.races().get(0);
        assertThat(race.variable()).as("%s", race).isEqualTo("java.util.ArrayList.<contents>");
        assertThat(race.count()).as("%s", race).isEqualTo(1);

        ExpectedAccess reader = worker(CollSynchronizedIterationRace.class, "iterator", "read", "iterate",
                "race:unlocked-iteration");
        boolean readerFirst = reader.mismatch(race.earlier()) == null;
        Access read = readerFirst ? race.earlier() : race.later();
        Access write = readerFirst ? race.later() : race.earlier();
        assertThat(reader.mismatch(read)).as("%s", race).isNull();

        assertThat(write.thread()).as("%s", race).isEqualTo("adder");
        assertThat(write.op()).as("%s", race).isEqualTo("write");
        assertThat(write.site().className()).as("%s", race).isEqualTo("java.util.Collections$SynchronizedCollection");
        assertThat(write.site().method()).as("%s", race).isEqualTo("add");
        assertThat(write.site().file()).as("%s", race).isEqualTo("Collections.java");
        assertThat(write.site().line()).as("%s", race).isPositive();
        assertThat(write.locksHeld()).as("%s", race).hasSize(1);
        assertThat(write.locksHeld().get(0)).as("%s", race).startsWith("java.util.Collections$Synchronized");
        assertThat(write.startedBy()).as("%s", race).isEqualTo("main");
        assertThat(write.startStack()).as("%s", race).first()
                .isEqualTo(site(CollSynchronizedIterationRace.class, "main", "start:adder"));
        if (readerFirst) {
            Site addLine = site(CollSynchronizedIterationRace.class, "addLater", "race:locked-add");
            assertThat(write.stack()).as("%s", race).hasSizeGreaterThan(1);
            assertThat(write.stack().get(1)).as("%s", race).isEqualTo(addLine);
        }
    }
}
