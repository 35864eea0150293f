package io.threadcheck.agent.it;

import static io.threadcheck.agent.it.RaceAssertions.ExpectedAccess.byMain;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedAccess.byWorker;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedRace.ordered;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedRace.unordered;
import static io.threadcheck.agent.it.RaceAssertions.assertCleanRun;
import static io.threadcheck.agent.it.RaceAssertions.assertExactlyRaces;
import static io.threadcheck.agent.it.SourceMarkers.site;
import static org.assertj.core.api.Assertions.assertThat;

import io.threadcheck.agent.it.RaceAssertions.ExpectedAccess;
import io.threadcheck.agent.it.RaceAssertions.ExpectedRace;
import org.junit.jupiter.api.Test;
import programs.AtomicAdderEarlyCount;
import programs.AtomicAdderSignals;
import programs.AtomicArrayTurns;
import programs.AtomicArrayWrongElement;
import programs.AtomicPairTurns;
import programs.AtomicPairWeak;
import programs.AtomicPlainStopFlag;
import programs.AtomicScalarTurns;
import programs.AtomicScalarWeakModes;
import programs.AtomicUnsafeTurns;
import programs.AtomicUnsafeWeak;
import programs.AtomicUpdaterTurns;
import programs.AtomicUpdaterWrongField;
import programs.AtomicVarHandleTurns;
import programs.AtomicVarHandleWeak;
import programs.AtomicVolatileStopFlag;

/**
 * java.util.concurrent.atomic, VarHandles, Unsafe and volatile flags: each correctly
 * synchronised program reports nothing, each broken twin exactly its races.
 */
class AtomicsIT {

    static AgentRun.Result run(Class<?> program) {
        AgentRun.Result run = AgentRun.of(program).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        // A model that throws stops recording: a clean report would then prove nothing.
        assertThat(run.stderr()).as(run.describe()).doesNotContain("threadcheck: internal error")
                .doesNotContain("threadcheck: could not");
        return run;
    }

    static void runClean(Class<?> program, String expectedStdout, int minThreads) {
        AgentRun.Result run = run(program);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines(expectedStdout);
        assertCleanRun(run.report(), run, minThreads);
    }

    /** The publisher's write at {@code name-write} comes before the consumer's read at {@code name-read}. */
    static ExpectedRace publishedTooWeakly(Class<?> program, String variable, String name) {
        return ordered(variable, publisher(program, "write", "race:" + name + "-write"),
                consumer(program, "read", "race:" + name + "-read")).withCount(1);
    }

    static ExpectedAccess publisher(Class<?> program, String op, String marker) {
        return byWorker("publisher", op, site(program, "publish", marker), site(program, "main", "start:publisher"));
    }

    static ExpectedAccess consumer(Class<?> program, String op, String marker) {
        return byWorker("consumer", op, site(program, "consume", marker), site(program, "main", "start:consumer"));
    }

    @Test
    void scalarAtomicsOrderEveryHandOver() {
        // Four kinds x two threads taking turns, plus two count-down workers; 0 + ... + 71 = 2556.
        runClean(AtomicScalarTurns.class, "int=2556 long=2556 boolean=2556 reference=2556 countdown=12\n", 11);
    }

    @Test
    void scalarAtomicsInModesWithoutOrderingRace() {
        AgentRun.Result run = run(AtomicScalarWeakModes.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("sum=11\n");
        Class<?> p = AtomicScalarWeakModes.class;
        assertExactlyRaces(run.report(), run,
                publishedTooWeakly(p, "programs.AtomicScalarWeakModes.intData", "int"),
                publishedTooWeakly(p, "programs.AtomicScalarWeakModes.longData", "long"),
                publishedTooWeakly(p, "programs.AtomicScalarWeakModes.booleanData", "boolean"),
                publishedTooWeakly(p, "programs.AtomicScalarWeakModes.referenceData", "reference"),
                ordered("java.util.concurrent.atomic.AtomicInteger.value",
                        publisher(p, "write", "race:plain-set"), consumer(p, "read", "race:plain-get")).withCount(1));
    }

    @Test
    void atomicArrayElementsOrderEveryHandOver() {
        runClean(AtomicArrayTurns.class, "int=1770 long=1770 reference=1770 signals=10\n", 11);
    }

    @Test
    void atomicArrayElementsAreSeparateLocations() {
        AgentRun.Result run = run(AtomicArrayWrongElement.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("sum=15\n");
        Class<?> p = AtomicArrayWrongElement.class;
        assertExactlyRaces(run.report(), run,
                publishedTooWeakly(p, "programs.AtomicArrayWrongElement.intData", "int"),
                publishedTooWeakly(p, "programs.AtomicArrayWrongElement.longData", "long"),
                publishedTooWeakly(p, "programs.AtomicArrayWrongElement.referenceData", "reference"),
                ordered("int[]@<hash>[3]", publisher(p, "write", "race:plain-set"), consumer(p, "read", "race:plain-get"))
                        .variableMatching("int\\[\\]@[0-9a-f]+\\[3\\]").withCount(1));
    }

    @Test
    void markableAndStampedReferencesOrderEveryHandOver() {
        runClean(AtomicPairTurns.class, "markable=780 stamped=780\n", 5);
    }

    @Test
    void weakCompareAndSetOfPairsOrdersNothingAndHoldersAreWritten() {
        AgentRun.Result run = run(AtomicPairWeak.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("sum=3 marked=true\n");
        Class<?> p = AtomicPairWeak.class;
        assertExactlyRaces(run.report(), run,
                publishedTooWeakly(p, "programs.AtomicPairWeak.markableData", "markable"),
                publishedTooWeakly(p, "programs.AtomicPairWeak.stampedData", "stamped"),
                ordered("boolean[]@<hash>[0]", publisher(p, "write", "race:holder-first"),
                        consumer(p, "write", "race:holder-second"))
                        .variableMatching("boolean\\[\\]@[0-9a-f]+\\[0\\]").withCount(1));
    }

    @Test
    void fieldUpdatersPairWithDirectVolatileAccesses() {
        runClean(AtomicUpdaterTurns.class, "int=1770 long=1770 reference=1770 countdown=12\n", 9);
    }

    @Test
    void fieldUpdaterLocationsAreObjectAndField() {
        AgentRun.Result run = run(AtomicUpdaterWrongField.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("sum=6\n");
        Class<?> p = AtomicUpdaterWrongField.class;
        assertExactlyRaces(run.report(), run,
                publishedTooWeakly(p, "programs.AtomicUpdaterWrongField.weakData", "weak"),
                publishedTooWeakly(p, "programs.AtomicUpdaterWrongField.fieldData", "field"),
                publishedTooWeakly(p, "programs.AtomicUpdaterWrongField.objectData", "object"));
    }

    @Test
    void addersAndAccumulatorsPublishWhatPrecedesTheCount() {
        runClean(AtomicAdderSignals.class, "sums=6,6,6,6 after-reset=0,0.0\n", 13);
    }

    @Test
    void countingBeforeTheWorkRaces() {
        AgentRun.Result run = run(AtomicAdderEarlyCount.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("counted=1 early=true\n");
        Class<?> p = AtomicAdderEarlyCount.class;
        ExpectedRace[] races = new ExpectedRace[4];
        String[] names = {"long-adder", "double-adder", "long-accumulator", "double-accumulator"};
        String[] fields = {"longAdderResult", "doubleAdderResult", "longAccumulatorResult", "doubleAccumulatorResult"};
        for (int i = 0; i < 4; i++) {
            races[i] = unordered("programs.AtomicAdderEarlyCount." + fields[i],
                    byMain("read", site(p, "main", "race:" + names[i] + "-read")),
                    byWorker("worker", "write", site(p, "work", "race:" + names[i] + "-write"),
                            site(p, "main", "start:worker"))).withCount(1);
        }
        assertExactlyRaces(run.report(), run, races);
    }

    @Test
    void plainFlagPolledInsteadOfVolatileRaces() {
        AgentRun.Result run = run(AtomicPlainStopFlag.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("seen=42\n");
        Class<?> p = AtomicPlainStopFlag.class;
        // The polls read the flags many times, before and after the write: one entry each, any count.
        assertExactlyRaces(run.report(), run,
                unordered("programs.AtomicPlainStopFlag.stop",
                        byWorker("worker", "read", site(p, "spinUntilStopped", "race:stop-poll"),
                                site(p, "main", "start:worker")),
                        byMain("write", site(p, "main", "race:stop-write"))),
                unordered("programs.AtomicPlainStopFlag.ready",
                        byWorker("reader", "read", site(p, "awaitData", "race:ready-poll"),
                                site(p, "main", "start:reader")),
                        byMain("write", site(p, "main", "race:ready-write"))),
                ordered("programs.AtomicPlainStopFlag.data",
                        byMain("write", site(p, "main", "race:data-write")),
                        byWorker("reader", "read", site(p, "awaitData", "race:data-read"),
                                site(p, "main", "start:reader"))).withCount(1));
    }

    @Test
    void volatileFlagsDoNotRace() {
        runClean(AtomicVolatileStopFlag.class, "seen=42\n", 3);
    }

    @Test
    void varHandleAccessModesOrderEveryHandOver() {
        runClean(AtomicVarHandleTurns.class,
                "field=2278 counted=68 mixed=2278 static=2278 element=2278 fence=2278\n", 11);
    }

    @Test
    void varHandleWeakModesAndPlainAccessesRace() {
        AgentRun.Result run = run(AtomicVarHandleWeak.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("sum=9\n");
        Class<?> p = AtomicVarHandleWeak.class;
        assertExactlyRaces(run.report(), run,
                publishedTooWeakly(p, "programs.AtomicVarHandleWeak.opaqueData", "opaque"),
                publishedTooWeakly(p, "programs.AtomicVarHandleWeak.casData", "cas"),
                publishedTooWeakly(p, "programs.AtomicVarHandleWeak.elementData", "element"),
                ordered("programs.AtomicVarHandleWeak.plainField",
                        publisher(p, "write", "race:plain-set"), consumer(p, "read", "race:plain-get")).withCount(1),
                ordered("programs.AtomicVarHandleWeak.staticField",
                        publisher(p, "write", "race:static-set"), consumer(p, "read", "race:static-read")).withCount(1));
    }

    @Test
    void unsafeAccessesOrderEveryHandOver() {
        runClean(AtomicUnsafeTurns.class, "field=1128 static=1128 element=1128 fence=1128\n", 9);
    }

    @Test
    void unsafePlainAccessesRace() {
        AgentRun.Result run = run(AtomicUnsafeWeak.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("sum=4\n");
        Class<?> p = AtomicUnsafeWeak.class;
        assertExactlyRaces(run.report(), run,
                publishedTooWeakly(p, "programs.AtomicUnsafeWeak.flagData", "flag"),
                publishedTooWeakly(p, "programs.AtomicUnsafeWeak.elementData", "element"),
                ordered("programs.AtomicUnsafeWeak.plain",
                        publisher(p, "write", "race:plain-put"), consumer(p, "read", "race:plain-get")).withCount(1));
    }
}
