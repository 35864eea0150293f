package io.threadcheck.agent.it;

import static io.threadcheck.agent.it.RaceAssertions.ExpectedAccess.byMain;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedAccess.byWorker;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedRace.ordered;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedRace.unordered;
import static io.threadcheck.agent.it.RaceAssertions.assertCleanRun;
import static io.threadcheck.agent.it.RaceAssertions.assertExactlyRaces;
import static io.threadcheck.agent.it.SourceMarkers.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.threadcheck.agent.it.Report.Access;
import io.threadcheck.agent.it.Report.Race;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import programs.LockConditionHandoff;
import programs.LockConditionRace;
import programs.LockReadWriteCache;
import programs.LockReadWriteRace;
import programs.LockReentrantCounter;
import programs.LockReentrantRace;
import programs.LockStampedOptimisticRace;
import programs.LockStampedPoint;
import programs.LockSupportParkFlag;
import programs.LockSupportParkRace;
import programs.SyncBarrierRace;
import programs.SyncBarrierRounds;
import programs.SyncExchangerBuffers;
import programs.SyncExchangerRace;
import programs.SyncInterruptHandoff;
import programs.SyncInterruptRace;
import programs.SyncLatchHandoff;
import programs.SyncLatchRace;
import programs.SyncPhaserRace;
import programs.SyncPhaserRounds;
import programs.SyncSemaphoreHandoff;
import programs.SyncSemaphoreRace;
import programs.SyncVirtualThreads;

/**
 * Locks, synchronisers and interrupts (issue 3): each primitive used correctly reports no race,
 * and its broken twin (the same program without the edge, or with the primitive misused)
 * reports exactly its race, at the marked lines.
 */
class SynchronizersIT {

    private static AgentRun.Result runClean(AgentRun agentRun, String expectedStdout, int minThreads) {
        AgentRun.Result run = agentRun.run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines(expectedStdout);
        assertCleanRun(run.report(), run, minThreads);
        return run;
    }

    private static AgentRun.Result runClean(Class<?> program, String expectedStdout, int minThreads) {
        return runClean(AgentRun.of(program), expectedStdout, minThreads);
    }

    private static AgentRun.Result runRacy(Class<?> program, String expectedStdout) {
        AgentRun.Result run = AgentRun.of(program).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines(expectedStdout);
        return run;
    }

    /** A worker's access at a marked line of a named method; the worker was started at {@code start:THREAD}. */
    private static RaceAssertions.ExpectedAccess worker(Class<?> program, String thread, String op, String method,
                                                         String marker) {
        return byWorker(thread, op, site(program, method, marker), site(program, "main", "start:" + thread));
    }

    /** The access of {@code thread} to {@code variable} holds exactly one lock, named {@code type@hash}. */
    private static void assertHoldsLockNamed(AgentRun.Result run, String variable, String thread, String type) {
        Report report = run.report();
        for (Race race : report.races()) {
            if (!race.variable().equals(variable)) continue;
            for (Access access : race.accesses()) {
                if (!access.thread().equals(thread)) continue;
                assertThat(access.locksHeld()).as("locks held by %s on %s\n%s", thread, variable, report.prettyRaces())
                        .singleElement().asString().matches(Pattern.quote(type) + "@[0-9a-f]+");
                return;
            }
        }
        Report.failWith("no access by " + thread + " to " + variable, report, run);
    }

    // --- ReentrantLock -------------------------------------------------------------------

    @Test
    void reentrantLockTakenEveryWayOrdersTheCounter() {
        runClean(LockReentrantCounter.class, "count=3000 nested=600\n", 3);
    }

    @Test
    void reentrantLockIsHeldUntilTheLastUnlock() {
        AgentRun.Result run = runRacy(LockReentrantRace.class, "held-by-main=false\n");
        Class<?> p = LockReentrantRace.class;
        assertExactlyRaces(run.report(), run,
                unordered("programs.LockReentrantRace.held",
                        worker(p, "lock-writer", "write", "write", "race:held-write").holdingLocks(1),
                        worker(p, "lockless-reader", "read", "read", "race:held-read"))
                        .withCount(1),
                unordered("programs.LockReentrantRace.released",
                        worker(p, "lock-writer", "write", "write", "race:released-write"),
                        worker(p, "lockless-reader", "read", "read", "race:released-read"))
                        .withCount(1));
        assertHoldsLockNamed(run, "programs.LockReentrantRace.held", "lock-writer",
                "java.util.concurrent.locks.ReentrantLock");
    }

    // --- ReentrantReadWriteLock ----------------------------------------------------------

    @Test
    void readWriteLockOrdersWriterAndReaders() {
        runClean(LockReadWriteCache.class, "version=301 downgraded=301 consistent=true\n", 4);
    }

    @Test
    void writersUnderTheReadLockRace() {
        AgentRun.Result run = runRacy(LockReadWriteRace.class, "value set: true\n");
        Class<?> p = LockReadWriteRace.class;
        assertExactlyRaces(run.report(), run, unordered("programs.LockReadWriteRace.value",
                worker(p, "read-locked-writer-1", "write", "update", "race:write-under-read-lock"),
                worker(p, "read-locked-writer-2", "write", "update", "race:write-under-read-lock"))
                .withCount(1));
    }

    // --- StampedLock ---------------------------------------------------------------------

    @Test
    void stampedLockUsedEveryWayIsClean() {
        runClean(LockStampedPoint.class, "x=400.0 y=400.0 consistent=true\n"
                + "validated-sum=800.0 then x=100.0\n"
                + "validation-failed=true fallback-x=200.0\n", 9);
    }

    @Test
    void optimisticReadWithoutValidationRaces() {
        AgentRun.Result run = runRacy(LockStampedOptimisticRace.class, "seen=42\n");
        Class<?> p = LockStampedOptimisticRace.class;
        // The read is held back until the reader is joined: it is always checked after the write.
        assertExactlyRaces(run.report(), run, ordered("programs.LockStampedOptimisticRace.value",
                worker(p, "stamped-writer", "write", "write", "race:locked-write").holdingLocks(1),
                worker(p, "optimistic-reader", "read", "read", "race:unvalidated-read"))
                .withCount(1));
        assertHoldsLockNamed(run, "programs.LockStampedOptimisticRace.value", "stamped-writer",
                "java.util.concurrent.locks.StampedLock");
    }

    // --- Condition -----------------------------------------------------------------------

    @Test
    void conditionAwaitGivesTheLockUpAndTakesItBack() {
        runClean(LockConditionHandoff.class, "sum=2666600 rw=5 after-interrupt=99\n", 7);
    }

    @Test
    void payloadWrittenAfterSignallingRaces() {
        AgentRun.Result run = runRacy(LockConditionRace.class, "signalled=true\n");
        Class<?> p = LockConditionRace.class;
        assertExactlyRaces(run.report(), run, unordered("programs.LockConditionRace.payload",
                worker(p, "condition-producer", "write", "produce", "race:payload-write"),
                worker(p, "condition-consumer", "read", "consume", "race:payload-read").holdingLocks(1))
                .withCount(1));
    }

    // --- LockSupport ---------------------------------------------------------------------

    @Test
    void parkWithVolatileFlagIsClean() {
        runClean(LockSupportParkFlag.class, "seen=42\n", 3);
    }

    @Test
    void unparkAloneOrdersNothing() {
        AgentRun.Result run = runRacy(LockSupportParkRace.class, "woken\n");
        Class<?> p = LockSupportParkRace.class;
        assertExactlyRaces(run.report(), run, unordered("programs.LockSupportParkRace.data",
                worker(p, "unparker", "write", "unparker", "race:write-before-unpark"),
                worker(p, "parker", "read", "parker", "race:read-after-park"))
                .withCount(1));
    }

    // --- Semaphore -----------------------------------------------------------------------

    @Test
    void semaphoreReleaseOrdersAcquire() {
        runClean(SyncSemaphoreHandoff.class, "received=5050 count=400\n", 5);
    }

    @Test
    void semaphoreWithTwoPermitsIsNoLock() {
        AgentRun.Result run = runRacy(SyncSemaphoreRace.class, "value set: true\n");
        Class<?> p = SyncSemaphoreRace.class;
        assertExactlyRaces(run.report(), run, unordered("programs.SyncSemaphoreRace.value",
                worker(p, "permit-holder-1", "write", "update", "race:write-with-permit"),
                worker(p, "permit-holder-2", "write", "update", "race:write-with-permit"))
                .withCount(1));
    }

    // --- CountDownLatch ------------------------------------------------------------------

    @Test
    void latchCountDownOrdersAwaitTimedAwaitAndZeroCount() {
        runClean(SyncLatchHandoff.class, "sum=666\n", 4);
    }

    @Test
    void timedOutLatchAwaitOrdersNothing() {
        AgentRun.Result run = runRacy(SyncLatchRace.class, "counted-in-time=false seen=0\n");
        Class<?> p = SyncLatchRace.class;
        assertExactlyRaces(run.report(), run, ordered("programs.SyncLatchRace.result",
                byMain("read", site(p, "main", "race:result-read")),
                worker(p, "latch-worker", "write", "work", "race:result-write"))
                .withCount(1));
    }

    // --- CyclicBarrier -------------------------------------------------------------------

    @Test
    void barrierOrdersPartiesAndItsAction() {
        runClean(SyncBarrierRounds.class, "actions=100 seen=15300,15300,15300\n", 4);
    }

    @Test
    void readBeforeTheBarrierRaces() {
        AgentRun.Result run = runRacy(SyncBarrierRace.class, "fromA=1\n");
        Class<?> p = SyncBarrierRace.class;
        assertExactlyRaces(run.report(), run, unordered("programs.SyncBarrierRace.fromA",
                worker(p, "barrier-party-a", "write", "partyA", "race:write-before-barrier"),
                worker(p, "barrier-party-b", "read", "partyB", "race:read-before-barrier"))
                .withCount(1));
    }

    // --- Phaser --------------------------------------------------------------------------

    @Test
    void tieredPhaserOrdersPartiesAndOnAdvance() {
        runClean(SyncPhaserRounds.class, "sums=40 seen=4920,4920,4920\n", 4);
    }

    @Test
    void arrivingWithoutAwaitingOrdersNothing() {
        AgentRun.Result run = runRacy(SyncPhaserRace.class, "phase=1\n");
        Class<?> p = SyncPhaserRace.class;
        assertExactlyRaces(run.report(), run, unordered("programs.SyncPhaserRace.shared",
                worker(p, "awaiting-party", "write", "waiting", "race:write-before-arrival"),
                worker(p, "arriving-party", "read", "notWaiting", "race:read-without-awaiting"))
                .withCount(1));
    }

    // --- Exchanger -----------------------------------------------------------------------

    @Test
    void exchangerOrdersEachSwap() {
        runClean(SyncExchangerBuffers.class, "drained=40400\n", 3);
    }

    @Test
    void writingAGivenBufferRaces() {
        AgentRun.Result run = runRacy(SyncExchangerRace.class, "exchanged\n");
        Class<?> p = SyncExchangerRace.class;
        assertExactlyRaces(run.report(), run, unordered("programs.SyncExchangerRace$Buffer.size",
                worker(p, "giver", "write", "give", "race:write-after-giving"),
                worker(p, "taker", "read", "take", "race:read-received"))
                .withCount(1));
    }

    // --- interrupts ----------------------------------------------------------------------

    @Test
    void interruptOrdersEveryWayOfSeeingIt() {
        runClean(SyncInterruptHandoff.class, "seen=10,20,30,40,50,60\n", 7);
    }

    @Test
    void writeAfterTheInterruptRaces() {
        AgentRun.Result run = runRacy(SyncInterruptRace.class, "interrupted\n");
        Class<?> p = SyncInterruptRace.class;
        assertExactlyRaces(run.report(), run, unordered("programs.SyncInterruptRace.value",
                byMain("write", site(p, "main", "race:write-after-interrupt")),
                worker(p, "interrupted-worker", "read", "worker", "race:read-on-interrupt"))
                .withCount(1));
    }

    // --- virtual threads (JDK 25 only) ---------------------------------------------------

    @Test
    void virtualThreadsOnJdk25AreOrderedLikePlatformThreads() {
        assumeTrue(Files.isExecutable(Jdk25IT.JDK25.resolve("bin/java")), "no JDK 25 at " + Jdk25IT.JDK25);
        runClean(AgentRun.of(SyncVirtualThreads.class).javaHome(Jdk25IT.JDK25),
                "box=6 received=hello sleeper=7 virtual=true\n", 6);
    }
}
