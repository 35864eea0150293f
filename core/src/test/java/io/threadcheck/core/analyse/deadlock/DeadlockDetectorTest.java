package io.threadcheck.core.analyse.deadlock;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadcheck.core.record.AccessKind;
import io.threadcheck.core.record.Site;
import io.threadcheck.core.record.SymbolTable;
import io.threadcheck.core.record.ThreadTable;
import io.threadcheck.core.record.ThreadTable.ThreadInfo;
import io.threadcheck.core.report.DeadlockReport;
import io.threadcheck.core.report.DeadlockReport.Status;
import io.threadcheck.core.report.DeadlockReport.Step;
import io.threadcheck.core.util.ObjectNames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeadlockDetectorTest {

    static final class Account {}

    private static final Site CALLER = new Site("com.example.Main", "run", "Main.java", 99);

    private final SymbolTable symbols = new SymbolTable();
    private final ThreadTable threads = new ThreadTable();
    private DeadlockDetector detector;

    // Bank.transfer: outer and inner synchronized blocks; Bank.audit: the other order
    private int transferOuter;
    private int transferInner;
    private int auditOuter;
    private int auditInner;
    private int third;
    private int unlockSite;
    private int gateSite;
    private int latchSite;
    private int waitSite;
    private Account a;
    private Account b;
    private Account c;
    private Object latch;

    @BeforeEach
    void setUp() {
        transferOuter = site("Bank", "transfer", 10);
        transferInner = site("Bank", "transfer", 11);
        auditOuter = site("Bank", "audit", 20);
        auditInner = site("Bank", "audit", 21);
        third = site("Bank", "rotate", 30);
        unlockSite = site("Bank", "transfer", 12);
        gateSite = site("Bank", "gate", 40);
        latchSite = site("Bank", "latch", 50);
        waitSite = site("Bank", "transfer", 13);
        threads.put(new ThreadInfo(0, "main", -1, List.of()));
        for (int t = 1; t <= 4; t++) threads.put(new ThreadInfo(t, "worker-" + t, 0, List.of(CALLER)));
        detector = detector(DeadlockDetector.DEFAULT_TRACE_ITEMS, DeadlockDetector.DEFAULT_MAX_EDGES,
                DeadlockDetector.DEFAULT_SEARCH_STEPS, DeadlockDetector.DEFAULT_CLOSURE_STEPS);
        a = new Account();
        b = new Account();
        c = new Account();
        latch = new Object();
    }

    private DeadlockDetector detector(long traceItems, int maxEdges, long searchSteps, long closureSteps) {
        // the stack of an acquisition: its site, then the caller
        return new DeadlockDetector(null, symbols, threads, (tid, site) -> List.of(symbols.siteAt(site), CALLER),
                traceItems, maxEdges, searchSteps, closureSteps);
    }

    private int site(String cls, String method, int line) {
        return symbols.site(new Site("com.example." + cls, method, cls + ".java", line), AccessKind.MONITOR_ENTER);
    }

    private Site at(int site) {
        return symbols.siteAt(site);
    }

    private void start(int... children) {
        for (int child : children) detector.threadStart(0, child);
    }

    /** {@code tid} takes {@code outer} then {@code inner} and releases both. */
    private void nested(int tid, Object outer, int outerSite, Object inner, int innerSite) {
        detector.acquire(tid, outer, outerSite);
        detector.acquire(tid, inner, innerSite);
        detector.release(tid, inner, unlockSite);
        detector.release(tid, outer, unlockSite);
    }

    private List<DeadlockReport> finish() {
        detector.finish();
        return detector.deadlocks();
    }

    private static void assertStep(Step s, int tid, Object held, Site heldSite, Object wanted, Site wantedSite) {
        assertThat(s.tid()).isEqualTo(tid);
        assertThat(s.thread()).isEqualTo("worker-" + tid);
        assertThat(s.heldLock()).isEqualTo(ObjectNames.describe(held));
        assertThat(s.heldSite()).isEqualTo(heldSite);
        assertThat(s.acquiredLock()).isEqualTo(ObjectNames.describe(wanted));
        assertThat(s.acquiredSite()).isEqualTo(wantedSite);
    }

    // --- cycles that are reported --------------------------------------------------------------

    @Test
    void oppositeOrderInTwoThreadsIsConfirmedWithFourSitesAndStacks() {
        start(1, 2);
        nested(1, a, transferOuter, b, transferInner);
        nested(2, b, auditOuter, a, auditInner);
        detector.threadJoin(0, 1);
        detector.threadJoin(0, 2);

        List<DeadlockReport> found = finish();
        assertThat(found).hasSize(1);
        DeadlockReport d = found.get(0);
        assertThat(d.status()).isEqualTo(Status.CONFIRMED);
        assertThat(d.count()).isEqualTo(1);
        assertThat(d.cycle()).hasSize(2);
        assertStep(d.cycle().get(0), 1, a, at(transferOuter), b, at(transferInner));
        assertStep(d.cycle().get(1), 2, b, at(auditOuter), a, at(auditInner));
        // stacks: the acquisition's own, and the held lock's site with the callers of its method
        assertThat(d.cycle().get(0).acquiredStack()).containsExactly(at(transferInner), CALLER);
        assertThat(d.cycle().get(0).heldStack()).containsExactly(at(transferOuter), CALLER);
        assertThat(detector.searchTruncated()).isFalse();
        assertThat(detector.confirmationLimited()).isFalse();
    }

    @Test
    void aCycleThroughThreeLocksIsConfirmed() {
        start(1, 2, 3);
        nested(1, a, transferOuter, b, transferInner);
        nested(2, b, auditOuter, c, auditInner);
        nested(3, c, third, a, transferInner);

        List<DeadlockReport> found = finish();
        assertThat(found).hasSize(1);
        DeadlockReport d = found.get(0);
        assertThat(d.status()).isEqualTo(Status.CONFIRMED);
        assertThat(d.cycle()).hasSize(3);
        assertStep(d.cycle().get(0), 1, a, at(transferOuter), b, at(transferInner));
        assertStep(d.cycle().get(1), 2, b, at(auditOuter), c, at(auditInner));
        assertStep(d.cycle().get(2), 3, c, at(third), a, at(transferInner));
    }

    @Test
    void sameSitesOnOtherLocksAreOneReportWithACount() {
        Account d1 = new Account();
        Account d2 = new Account();
        start(1, 2);
        nested(1, a, transferOuter, b, transferInner);
        nested(1, d1, transferOuter, d2, transferInner);
        nested(2, b, transferOuter, a, transferInner);
        nested(2, d2, transferOuter, d1, transferInner);

        List<DeadlockReport> found = finish();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).count()).isEqualTo(2);
        assertThat(found.get(0).status()).isEqualTo(Status.CONFIRMED);
    }

    @Test
    void aPairOrderedOnlyByAThirdLocksSectionsStaysPotential() {
        // worker-1 holds c across its a→b; worker-2 took c (after worker-1) before its b→a.
        // Keeping c's sections in their order, worker-1 must release c, so also b: not
        // confirmable, though a run where worker-2 takes c first does deadlock.
        start(1, 2);
        detector.acquire(1, a, transferOuter);
        detector.acquire(1, c, third);
        detector.acquire(1, b, transferInner);
        detector.release(1, b, unlockSite);
        detector.release(1, c, unlockSite);
        detector.release(1, a, unlockSite);
        detector.acquire(2, c, third);
        detector.release(2, c, unlockSite);
        nested(2, b, auditOuter, a, auditInner);

        List<DeadlockReport> found = finish();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).status()).isEqualTo(Status.POTENTIAL);
        assertStep(found.get(0).cycle().get(0), 1, a, at(transferOuter), b, at(transferInner));
        assertThat(detector.confirmationLimited()).isFalse();
    }

    @Test
    void aLaterOccurrenceThatIsNotOrderedStillCounts() {
        // worker-1 takes a→b before worker-2 exists and again while it runs
        detector.threadStart(0, 1);
        nested(1, a, transferOuter, b, transferInner);
        detector.syncRelease(1, latch, 1, latchSite);
        detector.syncAcquire(0, latch, 1, latchSite);
        detector.threadStart(0, 2);
        nested(2, b, auditOuter, a, auditInner);
        nested(1, a, transferOuter, b, transferInner);

        List<DeadlockReport> found = finish();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).status()).isEqualTo(Status.CONFIRMED);
    }

    @Test
    void aWaitGivesUpEveryHoldAndTakingTheLockBackIsAnEdge() {
        Object monitor = new Object();
        start(1, 2);
        detector.acquire(1, a, transferOuter);
        detector.acquire(1, monitor, transferInner);
        detector.acquire(1, monitor, transferInner); // reentrant
        detector.waitStart(1, monitor, waitSite);
        detector.release(1, monitor, waitSite);
        detector.acquire(1, monitor, waitSite);      // taken back while a is still held
        detector.waitEnd(1, monitor, waitSite);
        assertThat(detector.edges()).isEqualTo(2);
        detector.release(1, monitor, unlockSite);
        detector.release(1, monitor, unlockSite);
        detector.release(1, a, unlockSite);
        nested(1, b, auditOuter, c, auditInner);     // nothing is held any more: only b→c
        assertThat(detector.edges()).isEqualTo(3);
    }

    // --- no report -----------------------------------------------------------------------------

    @Test
    void aCommonGateLockPreventsTheCycle() {
        Object gate = new Object();
        start(1, 2);
        detector.acquire(1, gate, gateSite);
        nested(1, a, transferOuter, b, transferInner);
        detector.release(1, gate, unlockSite);
        detector.acquire(2, gate, gateSite);
        nested(2, b, auditOuter, a, auditInner);
        detector.release(2, gate, unlockSite);

        assertThat(finish()).isEmpty();
    }

    @Test
    void differentGatesDoNotPreventIt() {
        Object gate1 = new Object();
        Object gate2 = new Object();
        start(1, 2);
        detector.acquire(1, gate1, gateSite);
        nested(1, a, transferOuter, b, transferInner);
        detector.release(1, gate1, unlockSite);
        detector.acquire(2, gate2, gateSite);
        nested(2, b, auditOuter, a, auditInner);
        detector.release(2, gate2, unlockSite);

        assertThat(finish()).hasSize(1);
    }

    @Test
    void aGateOnTheFirstOccurrenceDoesNotHideAnUngatedOne() {
        Object gate = new Object();
        start(1, 2);
        detector.acquire(1, gate, gateSite);
        nested(1, a, transferOuter, b, transferInner);
        detector.release(1, gate, unlockSite);
        nested(1, a, transferOuter, b, transferInner); // the same sites, no gate
        detector.acquire(2, gate, gateSite);
        nested(2, b, auditOuter, a, auditInner);
        detector.release(2, gate, unlockSite);

        List<DeadlockReport> found = finish();
        assertThat(found).extracting(DeadlockReport::status).containsExactly(Status.CONFIRMED);
        assertStep(found.get(0).cycle().get(0), 1, a, at(transferOuter), b, at(transferInner));
    }

    @Test
    void aPairOrderedByStartAndJoinIsNoDeadlock() {
        detector.threadStart(0, 1);
        nested(1, a, transferOuter, b, transferInner);
        detector.threadJoin(0, 1);
        detector.threadStart(0, 2);
        nested(2, b, auditOuter, a, auditInner);

        assertThat(finish()).isEmpty();
        assertThat(detector.edges()).isEqualTo(2);
    }

    @Test
    void aPairOrderedByALatchIsNoDeadlock() {
        start(1, 2);
        nested(1, a, transferOuter, b, transferInner);
        detector.syncRelease(1, latch, 7, latchSite);  // countDown
        detector.syncAcquire(2, latch, 7, latchSite);  // await returned
        nested(2, b, auditOuter, a, auditInner);

        assertThat(finish()).isEmpty();
    }

    @Test
    void oneThreadAloneCannotDeadlock() {
        start(1);
        nested(1, a, transferOuter, b, transferInner);
        nested(1, b, auditOuter, a, auditInner);

        assertThat(finish()).isEmpty();
        assertThat(detector.edges()).isEqualTo(2);
    }

    @Test
    void aConsistentOrderIsNoDeadlock() {
        start(1, 2, 3);
        nested(1, a, transferOuter, b, transferInner);
        nested(2, a, transferOuter, b, transferInner);
        nested(3, b, auditOuter, c, auditInner);

        assertThat(finish()).isEmpty();
    }

    @Test
    void aTryLockMakesNoEdgeIntoTheLock() {
        start(1, 2);
        nested(1, a, transferOuter, b, transferInner);
        detector.acquire(2, b, auditOuter);
        detector.tryAcquire(2, a, auditInner);
        detector.release(2, a, unlockSite);
        detector.release(2, b, unlockSite);

        assertThat(finish()).isEmpty();
        assertThat(detector.edges()).isEqualTo(1);
    }

    @Test
    void aLockTakenWithTryLockIsHeldForLaterBlockingAcquisitions() {
        start(1, 2);
        nested(1, a, transferOuter, b, transferInner);
        detector.tryAcquire(2, b, auditOuter);
        detector.acquire(2, a, auditInner);

        assertThat(finish()).extracting(DeadlockReport::status).containsExactly(Status.CONFIRMED);
    }

    @Test
    void reentrantAcquisitionsMakeNoEdge() {
        start(1, 2);
        detector.acquire(1, a, transferOuter);
        detector.acquire(1, a, transferInner);     // no a→a
        detector.acquire(1, b, transferInner);
        detector.acquire(1, a, auditInner);        // reentrant: no b→a
        detector.release(1, a, unlockSite);
        detector.release(1, b, unlockSite);
        detector.release(1, a, unlockSite);
        detector.release(1, a, unlockSite);
        nested(2, a, transferOuter, b, transferInner);

        assertThat(finish()).isEmpty();
        assertThat(detector.edges()).isEqualTo(2);  // a→b of each thread
    }

    @Test
    void releasesOutOfOrderKeepTheRightLocksHeld() {
        start(1, 2);
        detector.acquire(1, a, transferOuter);
        detector.acquire(1, b, transferInner);
        detector.release(1, a, unlockSite);        // a released first: b alone is held
        detector.acquire(1, c, third);             // b→c only
        nested(2, c, auditOuter, a, auditInner);   // c→a: no cycle without a→c or b held with a

        assertThat(finish()).isEmpty();
        assertThat(detector.edges()).isEqualTo(3);
    }

    // --- bounds ----------------------------------------------------------------------------------

    @Test
    void withoutTraceBudgetCyclesStayPotentialAndSaySo() {
        detector = detector(0, DeadlockDetector.DEFAULT_MAX_EDGES, DeadlockDetector.DEFAULT_SEARCH_STEPS,
                DeadlockDetector.DEFAULT_CLOSURE_STEPS);
        start(1, 2);
        nested(1, a, transferOuter, b, transferInner);
        nested(2, b, auditOuter, a, auditInner);

        assertThat(finish()).extracting(DeadlockReport::status).containsExactly(Status.POTENTIAL);
        assertThat(detector.confirmationLimited()).isTrue();
        assertThat(detector.searchTruncated()).isFalse();
    }

    @Test
    void aTraceCutAfterTheCycleStillConfirmsIt() {
        // enough budget for the first chunk of every thread: the cut falls after the cycle
        detector = detector(3L * TraceBudget.CHUNK, DeadlockDetector.DEFAULT_MAX_EDGES,
                DeadlockDetector.DEFAULT_SEARCH_STEPS, DeadlockDetector.DEFAULT_CLOSURE_STEPS);
        start(1, 2);
        nested(1, a, transferOuter, b, transferInner);
        nested(2, b, auditOuter, a, auditInner);
        Object hot = new Object();
        for (int i = 0; i < 4 * TraceBudget.CHUNK; i++) {
            detector.syncRelease(1, hot, i, latchSite); // a new location each time: never merged
        }

        assertThat(finish()).extracting(DeadlockReport::status).containsExactly(Status.CONFIRMED);
        assertThat(detector.confirmationLimited()).isTrue();
    }

    @Test
    void withoutConfirmationStepsCyclesStayPotentialAndSaySo() {
        detector = detector(DeadlockDetector.DEFAULT_TRACE_ITEMS, DeadlockDetector.DEFAULT_MAX_EDGES,
                DeadlockDetector.DEFAULT_SEARCH_STEPS, 0);
        start(1, 2);
        nested(1, a, transferOuter, b, transferInner);
        nested(2, b, auditOuter, a, auditInner);

        assertThat(finish()).extracting(DeadlockReport::status).containsExactly(Status.POTENTIAL);
        assertThat(detector.confirmationLimited()).isTrue();
    }

    @Test
    void aSearchOutOfStepsSaysSo() {
        detector = detector(DeadlockDetector.DEFAULT_TRACE_ITEMS, DeadlockDetector.DEFAULT_MAX_EDGES, 1,
                DeadlockDetector.DEFAULT_CLOSURE_STEPS);
        start(1, 2);
        nested(1, a, transferOuter, b, transferInner);
        nested(2, b, auditOuter, a, auditInner);

        assertThat(finish()).isEmpty();
        assertThat(detector.searchTruncated()).isTrue();
    }

    @Test
    void aLargeConsistentOrderNeedsNoSearchAndACycleInItIsFound() {
        // 40 locks, every pair in increasing order by four threads: 3120 edges and no cycle.
        // Only a strongly connected part of the graph is searched, so 500 steps are plenty.
        detector = detector(DeadlockDetector.DEFAULT_TRACE_ITEMS, DeadlockDetector.DEFAULT_MAX_EDGES, 500,
                DeadlockDetector.DEFAULT_CLOSURE_STEPS);
        Object[] locks = new Object[40];
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
        start(1, 2, 3, 4);
        for (int t = 1; t <= 4; t++) {
            for (int i = 0; i < locks.length; i++) {
                for (int j = i + 1; j < locks.length; j++) nested(t, locks[i], transferOuter, locks[j], transferInner);
            }
        }
        nested(4, locks[20], auditOuter, locks[19], auditInner); // the one inversion, of neighbours

        List<DeadlockReport> found = finish();
        assertThat(detector.searchTruncated()).isFalse();
        assertThat(found).hasSize(1);
        DeadlockReport d = found.get(0);
        assertThat(d.cycle()).extracting(Step::heldLock)
                .containsExactlyInAnyOrder(ObjectNames.describe(locks[19]), ObjectNames.describe(locks[20]));
        assertThat(d.count()).isEqualTo(3); // worker-4's 20→19 against workers 1-3's 19→20
    }

    @Test
    void aFullGraphSaysSo() {
        detector = detector(DeadlockDetector.DEFAULT_TRACE_ITEMS, 1, DeadlockDetector.DEFAULT_SEARCH_STEPS,
                DeadlockDetector.DEFAULT_CLOSURE_STEPS);
        start(1, 2);
        nested(1, a, transferOuter, b, transferInner);
        nested(2, b, auditOuter, a, auditInner);

        assertThat(finish()).isEmpty();
        assertThat(detector.edges()).isEqualTo(1);
        assertThat(detector.searchTruncated()).isTrue();
    }

    @Test
    void nothingIsReportedBeforeTheEndAndEventsAfterItAreIgnored() {
        start(1, 2);
        nested(1, a, transferOuter, b, transferInner);
        assertThat(detector.deadlocks()).isEmpty();
        detector.finish();
        nested(2, b, auditOuter, a, auditInner);
        detector.finish();
        assertThat(detector.deadlocks()).isEmpty();
    }

    // --- concurrency ---------------------------------------------------------------------------

    @Test
    void concurrentThreadsAreAnalysedSafely() throws Exception {
        Object gate = new Object(); // really serialises the opposite orders; the detector does not see it
        int workers = 4;
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> running = new ArrayList<>();
        start(1, 2, 3, 4);
        for (int w = 1; w <= workers; w++) {
            int tid = w;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    Object volatileOwner = new Object();
                    for (int i = 0; i < 20_000; i++) {
                        boolean reverse = tid == 4 && i % 1000 == 0;
                        Object first = reverse ? b : a;
                        Object second = reverse ? a : b;
                        synchronized (gate) {
                            synchronized (first) {
                                detector.acquire(tid, first, reverse ? auditOuter : transferOuter);
                                synchronized (second) {
                                    detector.acquire(tid, second, reverse ? auditInner : transferInner);
                                    detector.release(tid, second, unlockSite);
                                }
                                detector.release(tid, first, unlockSite);
                            }
                        }
                        detector.syncRelease(tid, volatileOwner, 1, latchSite);
                        detector.syncAcquire(tid, latch, 1, latchSite);
                        if (i % 100 == 0) detector.syncRelease(tid, latch, 1, latchSite);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            running.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : running) t.join();
        for (int w = 1; w <= workers; w++) detector.threadJoin(0, w);

        assertThat(failure.get()).isNull();
        List<DeadlockReport> found = finish();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).cycle()).extracting(Step::heldLock)
                .containsExactlyInAnyOrder(ObjectNames.describe(a), ObjectNames.describe(b));
        assertThat(found.get(0).count()).isEqualTo(3); // worker-4's b→a against each other worker's a→b
    }

    /**
     * The lead's first cases (from main, unchanged): streams without stacks (an offline source),
     * interleaved as written.
     */
    @Nested
    class WithoutStacks {


        final SymbolTable symbols = new SymbolTable();
        final ThreadTable threads = new ThreadTable();
        final DeadlockDetector detector = new DeadlockDetector(null, symbols, threads, (tid, site) -> null);
        final Object a = new Object();
        final Object b = new Object();
        final Object c = new Object();
        final int outer = site(10);
        final int inner = site(11);

        int site(int line) {
            return symbols.site(new Site("t.T", "m", "T.java", line), AccessKind.MONITOR_ENTER);
        }

        void nested(int tid, Object first, Object second) {
            detector.acquire(tid, first, outer);
            detector.acquire(tid, second, inner);
            detector.release(tid, second, inner);
            detector.release(tid, first, outer);
        }

        List<DeadlockReport> finish() {
            detector.finish();
            return detector.deadlocks();
        }

        @Test
        void inversionBetweenTwoUnorderedThreadsIsConfirmed() {
            detector.threadStart(0, 1);
            detector.threadStart(0, 2);
            nested(1, a, b);
            nested(2, b, a);
            List<DeadlockReport> found = finish();
            assertThat(found).hasSize(1);
            assertThat(found.get(0).status()).isEqualTo(DeadlockReport.Status.CONFIRMED);
            assertThat(found.get(0).cycle()).extracting(DeadlockReport.Step::tid).containsExactlyInAnyOrder(1, 2);
            assertThat(found.get(0).cycle()).allSatisfy(s -> {
                assertThat(s.heldSite().line()).isEqualTo(10);
                assertThat(s.acquiredSite().line()).isEqualTo(11);
            });
        }

        @Test
        void threadsOrderedByJoinAndStartAreNotReported() {
            detector.threadStart(0, 1);
            nested(1, a, b);
            detector.threadJoin(0, 1);
            detector.threadStart(0, 2);
            nested(2, b, a);
            assertThat(finish()).isEmpty();
        }

        @Test
        void aReleaseTheSecondThreadObservedOrdersThem() {
            detector.threadStart(0, 1);
            detector.threadStart(0, 2);
            nested(1, a, b);
            detector.syncRelease(1, c, -3, outer);   // e.g. a latch count-down
            detector.syncAcquire(2, c, -3, outer);   // its await
            nested(2, b, a);
            assertThat(finish()).isEmpty();
        }

        @Test
        void aGateLockOneThreadATryLockAndAConsistentOrderAreNotReported() {
            Object gate = new Object();
            detector.acquire(1, gate, outer);
            nested(1, a, b);
            detector.release(1, gate, outer);
            detector.acquire(2, gate, outer);
            nested(2, b, a);
            detector.release(2, gate, outer);
            nested(3, a, c);
            nested(3, c, a);                           // one thread alone
            detector.acquire(4, b, outer);
            detector.tryAcquire(4, c, inner);          // cannot wait: no edge b -> c
            detector.release(4, c, inner);
            detector.release(4, b, outer);
            Object d = new Object();
            Object e = new Object();
            nested(5, d, e);
            nested(6, d, e);                           // a consistent order
            assertThat(finish()).isEmpty();
        }

        @Test
        void reentrantAcquisitionMakesNoEdge() {
            detector.acquire(1, a, outer);
            detector.acquire(1, b, inner);
            detector.acquire(1, a, inner);             // reentrant, while holding b: no b -> a
            detector.release(1, a, inner);
            detector.release(1, b, inner);
            detector.release(1, a, outer);
            nested(2, a, b);
            assertThat(finish()).isEmpty();
        }

        @Test
        void threeLockRingIsOneCycle() {
            nested(1, a, b);
            nested(2, b, c);
            nested(3, c, a);
            List<DeadlockReport> found = finish();
            assertThat(found).hasSize(1);
            assertThat(found.get(0).cycle()).hasSize(3);
            assertThat(found.get(0).status()).isEqualTo(DeadlockReport.Status.CONFIRMED);
        }

        @Test
        void aCycleThatNeedsCriticalSectionsReorderedStaysPotential() {
            // Thread 1 takes a then b inside its section on c; thread 2, later, passes through c and
            // then takes b then a. They deadlock only if thread 2's section on c goes first, which
            // swaps the two sections on c: confirmation keeps sections in their observed order (a
            // sound choice that never needs the data), so this cycle stays a warning.
            detector.acquire(1, c, outer);
            detector.acquire(1, a, outer);
            detector.acquire(1, b, inner);             // edge a -> b (c is its gate)
            detector.release(1, b, inner);
            detector.release(1, a, outer);
            detector.release(1, c, outer);
            detector.acquire(2, c, outer);
            detector.release(2, c, outer);
            detector.acquire(2, b, outer);
            detector.acquire(2, a, inner);             // edge b -> a
            detector.release(2, a, inner);
            detector.release(2, b, outer);
            List<DeadlockReport> found = finish();
            assertThat(found).hasSize(1);
            assertThat(found.get(0).status()).isEqualTo(DeadlockReport.Status.POTENTIAL);
        }
    }
}
