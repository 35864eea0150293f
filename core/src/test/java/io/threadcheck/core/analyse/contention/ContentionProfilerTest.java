package io.threadcheck.core.analyse.contention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.threadcheck.core.record.AccessKind;
import io.threadcheck.core.record.Site;
import io.threadcheck.core.record.SymbolTable;
import io.threadcheck.core.record.ThreadTable;
import io.threadcheck.core.report.ContentionReport;
import io.threadcheck.core.report.ContentionReport.Blame;
import io.threadcheck.core.report.ContentionReport.SiteTime;
import io.threadcheck.core.util.ObjectNames;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContentionProfilerTest {

    /** A clock the test sets by hand; counts how often the profiler reads it. */
    static final class FakeClock implements NanoClock {
        long now;
        int reads;

        @Override
        public long nanoTime() {
            reads++;
            return now;
        }
    }

    private final SymbolTable symbols = new SymbolTable();
    private final ThreadTable threads = new ThreadTable();
    private final FakeClock clock = new FakeClock();
    private ContentionProfiler profiler;

    // sites: two critical sections taking the same lock, and their exits
    private int enterA;
    private int exitA;
    private int enterB;
    private int exitB;
    private int waitSite;

    @BeforeEach
    void setUp() {
        enterA = site("Account", "deposit", 10);
        exitA = site("Account", "deposit", 12);
        enterB = site("Account", "withdraw", 20);
        exitB = site("Account", "withdraw", 22);
        waitSite = site("Account", "awaitFunds", 30);
        profiler = new ContentionProfiler(null, symbols, threads, clock);
    }

    private int site(String cls, String method, int line) {
        return symbols.site(new Site("com.example." + cls, method, cls + ".java", line), AccessKind.MONITOR_ENTER);
    }

    private Site at(int site) {
        return symbols.siteAt(site);
    }

    private void time(long nanos) {
        clock.now = nanos;
    }

    /** A synchronized block: request, then acquisition. */
    private void enter(int tid, Object lock, int site) {
        profiler.lockRequest(tid, lock, site);
        profiler.acquire(tid, lock, site);
    }

    private List<ContentionReport> finish() {
        profiler.finish();
        return profiler.contention();
    }

    private static ContentionReport only(List<ContentionReport> reports) {
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    // --- waits -------------------------------------------------------------------------------

    @Test
    void aContendedAcquisitionWaitsFromItsRequestToItsAcquisitionBehindTheHolder() {
        Object lock = new Object();
        time(0);
        enter(1, lock, enterA);
        time(100);
        profiler.lockRequest(2, lock, enterB);   // thread 1 holds it: thread 2 waits
        time(300);
        profiler.release(1, lock, exitA);
        profiler.acquire(2, lock, enterB);
        time(350);
        profiler.release(2, lock, exitB);

        ContentionReport r = only(finish());
        assertThat(r.lock()).isEqualTo(ObjectNames.describe(lock));
        assertThat(r.kind()).isEqualTo("monitor");
        assertThat(r.site()).isEqualTo(at(enterA));
        assertThat(r.acquisitions()).isEqualTo(2);
        assertThat(r.contended()).isEqualTo(1);
        assertThat(r.waitNanos()).isEqualTo(200);
        assertThat(r.maxWaitNanos()).isEqualTo(200);
        assertThat(r.meanWaitNanos()).isEqualTo(200);
        assertThat(r.holdNanos()).isEqualTo(300 + 50);
        assertThat(r.waitingSites()).containsExactly(new SiteTime(at(enterB), 1, 200));
        assertThat(r.holdingSites()).containsExactly(new SiteTime(at(enterA), 1, 300), new SiteTime(at(enterB), 1, 50));
        assertThat(r.blame()).containsExactly(new Blame(at(enterA), at(enterB), 1, 200));
    }

    @Test
    void anUncontendedAcquisitionReadsTheClockOnlyForTheHold() {
        Object lock = new Object();
        int before = clock.reads;
        for (int i = 0; i < 10; i++) {
            enter(1, lock, enterA);
            profiler.release(1, lock, exitA);
        }
        assertThat(clock.reads - before).isEqualTo(20);

        time(5_000_000); // one long hold, so the lock is listed: never contended
        enter(1, lock, enterA);
        time(7_000_000);
        profiler.release(1, lock, exitA);
        ContentionReport r = only(finish());
        assertThat(r.acquisitions()).isEqualTo(11);
        assertThat(r.contended()).isZero();
        assertThat(r.waitNanos()).isZero();
        assertThat(r.waitingSites()).isEmpty();
        assertThat(r.blame()).isEmpty();
    }

    @Test
    void percentilesAreWithinOneSixteenthOfTheExactRanks() {
        Object lock = new Object();
        List<Long> waits = new ArrayList<>();
        long t = 0;
        for (int i = 1; i <= 1000; i++) {
            long wait = 1_000L * i + (i * 7919L) % 1000; // 1 µs .. 1 ms, not on bucket bounds
            waits.add(wait);
            time(t);
            enter(1, lock, enterA);
            profiler.lockRequest(2, lock, enterB);
            t += wait;
            time(t);
            profiler.release(1, lock, exitA);
            profiler.acquire(2, lock, enterB);
            profiler.release(2, lock, exitB);
        }
        ContentionReport r = only(finish());
        long[] sorted = waits.stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(r.contended()).isEqualTo(1000);
        assertThat(r.waitNanos()).isEqualTo(Arrays.stream(sorted).sum());
        assertThat(r.maxWaitNanos()).isEqualTo(sorted[999]);
        assertThat(r.p50WaitNanos()).isCloseTo(sorted[499], within(sorted[499] / 16));
        assertThat(r.p90WaitNanos()).isCloseTo(sorted[899], within(sorted[899] / 16));
        assertThat(r.p99WaitNanos()).isCloseTo(sorted[989], within(sorted[989] / 16));
        assertThat(r.p50WaitNanos()).isLessThan(r.p90WaitNanos());
        assertThat(r.p90WaitNanos()).isLessThan(r.p99WaitNanos());
    }

    @Test
    void blameNamesTheHoldersSiteForEachWaitersSiteMostWaitingFirst() {
        Object lock = new Object();
        // holder at A, waiter at B: 3 waits of 100; holder at B, waiter at A: 1 wait of 1000
        long t = 0;
        for (int i = 0; i < 3; i++) {
            time(t);
            enter(1, lock, enterA);
            profiler.lockRequest(2, lock, enterB);
            time(t += 100);
            profiler.release(1, lock, exitA);
            profiler.acquire(2, lock, enterB);
            profiler.release(2, lock, exitB);
        }
        time(t);
        enter(2, lock, enterB);
        profiler.lockRequest(1, lock, enterA);
        time(t += 1000);
        profiler.release(2, lock, exitB);
        profiler.acquire(1, lock, enterA);
        profiler.release(1, lock, exitA);

        ContentionReport r = only(finish());
        assertThat(r.blame()).containsExactly(
                new Blame(at(enterB), at(enterA), 1, 1000),
                new Blame(at(enterA), at(enterB), 3, 300));
        assertThat(r.waitingSites()).containsExactly(
                new SiteTime(at(enterA), 1, 1000), new SiteTime(at(enterB), 3, 300));
    }

    @Test
    void aSynchronizedMethodWithoutRequestCountsItsAcquisitionButNoWait() {
        Object lock = new Object();
        time(0);
        enter(1, lock, enterA);
        time(100);
        profiler.acquire(2, lock, enterB); // no request: cannot be timed (delivered out of order here)
        time(200);
        profiler.release(2, lock, exitB);
        profiler.release(1, lock, exitA);
        profiler.lockRequest(3, lock, enterA); // thread 2 cleared the holder: free now
        profiler.acquire(3, lock, enterA);
        time(2_000_000);
        profiler.release(3, lock, exitA);

        ContentionReport r = only(finish());
        assertThat(r.acquisitions()).isEqualTo(3);
        assertThat(r.contended()).isZero();
    }

    @Test
    void aStaleRequestIsDroppedByTheThreadsNextLockEvent() {
        Object lock = new Object();
        Object other = new Object();
        time(0);
        enter(1, lock, enterA);
        profiler.lockRequest(2, lock, enterB); // will be interrupted: no acquisition follows
        profiler.lockRequest(2, other, enterB);
        profiler.acquire(2, other, enterB);
        profiler.release(2, other, exitB);
        time(100);
        profiler.release(1, lock, exitA);
        time(500);
        profiler.acquire(2, lock, enterB); // no request this time (a synchronized method): no wait
        time(2_000_000);
        profiler.release(2, lock, exitB);

        ContentionReport r = only(finish());
        assertThat(r.lock()).isEqualTo(ObjectNames.describe(lock));
        assertThat(r.contended()).isZero();
    }

    // --- reentrancy and tryLock --------------------------------------------------------------

    @Test
    void reentrantAcquisitionsCountOnceAndHoldFromTheOutermostAcquireToTheOutermostRelease() {
        ReentrantLock lock = new ReentrantLock();
        time(0);
        enter(1, lock, enterA);
        time(10);
        profiler.lockRequest(1, lock, enterB); // its own lock: no wait
        profiler.acquire(1, lock, enterB);
        time(20);
        profiler.release(1, lock, exitB);
        time(2_000_000);
        profiler.release(1, lock, exitA);

        ContentionReport r = only(finish());
        assertThat(r.kind()).isEqualTo("lock");
        assertThat(r.acquisitions()).isEqualTo(1);
        assertThat(r.contended()).isZero();
        assertThat(r.holdNanos()).isEqualTo(2_000_000);
        assertThat(r.holdingSites()).containsExactly(new SiteTime(at(enterA), 1, 2_000_000));
    }

    @Test
    void aTryLockIsAnAcquisitionButNeverContended() {
        ReentrantLock lock = new ReentrantLock();
        time(0);
        enter(1, lock, enterA);
        time(100);
        profiler.lockRequest(2, lock, enterB); // a timed tryLock(..) that succeeds after a while
        time(900);
        profiler.release(1, lock, exitA);
        profiler.tryAcquire(2, lock, enterB);
        time(2_000_000);
        profiler.release(2, lock, exitB);

        ContentionReport r = only(finish());
        assertThat(r.acquisitions()).isEqualTo(2);
        assertThat(r.contended()).isZero();
        assertThat(r.waitNanos()).isZero();
        assertThat(r.holdNanos()).isEqualTo(900 + (2_000_000 - 900));
    }

    // --- wait / await ------------------------------------------------------------------------

    @Test
    void waitTimeIsConditionWaitingAndTheLockIsFreeMeanwhile() {
        Object lock = new Object();
        time(0);
        enter(1, lock, enterA);
        profiler.acquire(1, lock, enterA);      // reentrant: wait gives up both holds at once
        time(100);
        profiler.waitStart(1, lock, waitSite);
        profiler.release(1, lock, waitSite);    // the release wait makes
        time(200);
        enter(2, lock, enterB);                 // free while thread 1 waits: no contention
        time(300);
        profiler.release(2, lock, exitB);       // notify and leave
        time(1000);
        profiler.acquire(1, lock, waitSite);    // taken back
        profiler.waitEnd(1, lock, waitSite);
        time(1100);
        profiler.release(1, lock, exitA);
        profiler.release(1, lock, exitA);

        ContentionReport r = only(finish());
        assertThat(r.conditionWaitNanos()).isEqualTo(900);
        assertThat(r.acquisitions()).isEqualTo(2);
        assertThat(r.contended()).isZero();
        assertThat(r.waitNanos()).isZero();
        assertThat(r.holdNanos()).isEqualTo(100 + 100 + 100); // thread 1 before and after the wait, thread 2
        assertThat(r.holdingSites()).containsExactly(new SiteTime(at(enterA), 1, 200), new SiteTime(at(enterB), 1, 100));
    }

    @Test
    void aRequestDuringAnotherThreadsWaitIsNotBlamedOnTheWaiter() {
        Object lock = new Object();
        time(0);
        enter(1, lock, enterA);
        profiler.waitStart(1, lock, waitSite);
        profiler.release(1, lock, waitSite);
        enter(2, lock, enterB);                 // holds while thread 1 waits
        time(50);
        profiler.lockRequest(3, lock, enterA);  // blocked by thread 2, not by the waiting thread 1
        time(250);
        profiler.release(2, lock, exitB);
        profiler.acquire(3, lock, enterA);
        profiler.release(3, lock, exitA);
        time(300);
        profiler.acquire(1, lock, waitSite);
        profiler.waitEnd(1, lock, waitSite);
        profiler.release(1, lock, exitA);

        ContentionReport r = only(finish());
        assertThat(r.contended()).isEqualTo(1);
        assertThat(r.blame()).containsExactly(new Blame(at(enterB), at(enterA), 1, 200));
        assertThat(r.conditionWaitNanos()).isEqualTo(300);
    }

    // --- shared sides ------------------------------------------------------------------------

    @Test
    void aSemaphoreWaitIsContendedWhenNoPermitWasFreeAndPermitsHaveNoHolder() throws InterruptedException {
        Semaphore permits = new Semaphore(1);
        time(0);
        profiler.lockRequest(1, permits, enterA);
        permits.acquire();
        profiler.sharedAcquire(1, permits, enterA);
        time(100);
        profiler.lockRequest(2, permits, enterB); // no permit left
        time(400);
        profiler.sharedRelease(1, permits, exitA);
        permits.release();
        permits.acquire();
        profiler.sharedAcquire(2, permits, enterB);
        time(500);
        profiler.sharedRelease(1, permits, exitB); // another thread may give the permit back
        permits.release();
        profiler.lockRequest(3, permits, enterA); // a permit is free: no wait
        permits.acquire();
        profiler.sharedAcquire(3, permits, enterA);

        ContentionReport r = only(finish());
        assertThat(r.kind()).isEqualTo("semaphore");
        assertThat(r.acquisitions()).isEqualTo(3);
        assertThat(r.contended()).isEqualTo(1);
        assertThat(r.waitNanos()).isEqualTo(300);
        assertThat(r.holdNanos()).isZero();
        assertThat(r.waitingSites()).containsExactly(new SiteTime(at(enterB), 1, 300));
        assertThat(r.blame()).isEmpty(); // nobody holds a permit
        assertThat(r.holdingSites()).containsExactlyInAnyOrder(
                new SiteTime(at(enterA), 2, 0), new SiteTime(at(enterB), 1, 0));
    }

    @Test
    void readersWaitForTheWriterAndTheWriterWaitsForReaders() {
        StampedLock rw = new StampedLock(); // both sides are the StampedLock itself
        time(0);
        enter(1, rw, enterA);                   // writer
        time(100);
        profiler.lockRequest(2, rw, enterB);    // reader blocked by the writer
        time(300);
        profiler.release(1, rw, exitA);
        profiler.sharedAcquire(2, rw, enterB);
        time(400);
        profiler.lockRequest(3, rw, enterB);    // a second reader: readers do not exclude each other
        profiler.sharedAcquire(3, rw, enterB);
        time(500);
        profiler.lockRequest(1, rw, enterA);    // writer blocked by the readers
        time(600);
        profiler.sharedRelease(2, rw, exitB);
        time(1000);
        profiler.sharedRelease(3, rw, exitB);
        profiler.acquire(1, rw, enterA);
        time(1100);
        profiler.release(1, rw, exitA);

        List<ContentionReport> reports = finish();
        assertThat(reports).extracting(ContentionReport::kind).containsExactly("write", "read");
        ContentionReport write = reports.get(0);
        ContentionReport read = reports.get(1);
        assertThat(write.acquisitions()).isEqualTo(2);
        assertThat(write.contended()).isEqualTo(1);
        assertThat(write.waitNanos()).isEqualTo(500);
        assertThat(write.blame()).containsExactly(new Blame(at(enterB), at(enterA), 1, 500));
        assertThat(read.acquisitions()).isEqualTo(2);
        assertThat(read.contended()).isEqualTo(1);
        assertThat(read.waitNanos()).isEqualTo(200);
        assertThat(read.blame()).containsExactly(new Blame(at(enterA), at(enterB), 1, 200));
        assertThat(read.holdNanos()).isEqualTo(300 + 600);
        assertThat(read.holdShare()).isCloseTo(900.0 / 1100, within(1e-9));
    }

    @Test
    void readWriteLockSidesAreNamedAndKindedApart() {
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        time(0);
        enter(1, rw.writeLock(), enterA);
        time(2_000_000);
        profiler.release(1, rw.writeLock(), exitA);
        profiler.lockRequest(2, rw.readLock(), enterB);
        profiler.sharedAcquire(2, rw.readLock(), enterB);
        profiler.sharedAcquire(2, rw.readLock(), enterB); // reentrant read
        time(5_000_000);
        profiler.sharedRelease(2, rw.readLock(), exitB);
        profiler.sharedRelease(2, rw.readLock(), exitB);

        List<ContentionReport> reports = finish();
        assertThat(reports).extracting(ContentionReport::kind).containsExactly("read", "write");
        assertThat(reports.get(0).lock()).isEqualTo(ObjectNames.describe(rw.readLock()));
        assertThat(reports.get(0).acquisitions()).isEqualTo(1);
        assertThat(reports.get(0).holdNanos()).isEqualTo(3_000_000);
        assertThat(reports.get(1).lock()).isEqualTo(ObjectNames.describe(rw.writeLock()));
    }

    // --- the list ----------------------------------------------------------------------------

    /** Thread 1 holds {@code lock} for {@code hold}; thread 2 waits {@code wait} of it (0: no wait). */
    private void contend(Object lock, long hold, long wait) {
        long t = clock.now;
        enter(1, lock, enterA);
        if (wait > 0) {
            time(t + hold - wait);
            profiler.lockRequest(2, lock, enterB);
        }
        time(t + hold);
        profiler.release(1, lock, exitA);
        if (wait > 0) {
            profiler.acquire(2, lock, enterB);
            profiler.release(2, lock, exitB);
        }
    }

    @Test
    void locksAreListedByTotalWaitThenHoldAndQuietLocksAreLeftOut() {
        Object waitedLittle = new Object();
        Object waitedMost = new Object();
        Object heldLong = new Object();
        Object heldLonger = new Object();
        Object quiet = new Object();
        contend(waitedLittle, 1_000, 500);
        contend(heldLong, 2_000_000, 0);
        contend(waitedMost, 2_000, 1_000);
        contend(heldLonger, 3_000_000, 0);
        contend(quiet, 999_999, 0);

        assertThat(finish()).extracting(ContentionReport::lock).containsExactly(
                ObjectNames.describe(waitedMost), ObjectNames.describe(waitedLittle),
                ObjectNames.describe(heldLonger), ObjectNames.describe(heldLong));
    }

    @Test
    void theListIsCappedKeepingTheMostWaitedForLocks() {
        List<Object> locks = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            Object lock = new Object();
            locks.add(lock);
            contend(lock, 1_000 * i, 10 * i);
        }
        List<ContentionReport> reports = finish();
        assertThat(reports).hasSize(50);
        assertThat(reports.get(0).lock()).isEqualTo(ObjectNames.describe(locks.get(59)));
        assertThat(reports.get(49).lock()).isEqualTo(ObjectNames.describe(locks.get(10)));
    }

    @Test
    void holdShareIsTheHoldAsAShareOfTheRunFromConstructionToFinish() {
        time(1_000); // the profiler was made at 0
        Object lock = new Object();
        enter(1, lock, enterA);
        time(3_501_000);
        profiler.release(1, lock, exitA);
        time(10_000_000);
        assertThat(only(finish()).holdShare()).isCloseTo(0.35, within(1e-9));
    }

    @Test
    void aLocksStatisticsOutliveTheLock() {
        WeakReference<Object> gone = contendOnAFreshLock();
        for (int i = 0; i < 50 && gone.get() != null; i++) {
            System.gc();
            Thread.onSpinWait();
        }
        assertThat(gone.get()).as("the lock was collected").isNull();
        ContentionReport r = only(finish());
        assertThat(r.lock()).startsWith("java.lang.Object@");
        assertThat(r.contended()).isEqualTo(1);
        assertThat(r.waitNanos()).isEqualTo(700);
    }

    private WeakReference<Object> contendOnAFreshLock() {
        Object lock = new Object();
        contend(lock, 1_000, 700);
        profiler.threadJoin(0, 1); // the joined threads' caches let their last lock go
        profiler.threadJoin(0, 2);
        return new WeakReference<>(lock);
    }

    // --- concurrency -------------------------------------------------------------------------

    @Test
    void concurrentThreadsCountEveryAcquisitionOfARealLock() throws InterruptedException {
        ContentionProfiler live = new ContentionProfiler(null, symbols, threads, NanoClock.SYSTEM);
        Object monitor = new Object();
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        int perThread = 20_000;
        List<Thread> workers = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            int tid = n;
            workers.add(new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    live.lockRequest(tid, monitor, enterA);
                    synchronized (monitor) {
                        live.acquire(tid, monitor, enterA);
                        busy(200);
                        live.release(tid, monitor, exitA);
                    }
                    live.lockRequest(tid, rw.readLock(), enterB);
                    rw.readLock().lock();
                    live.sharedAcquire(tid, rw.readLock(), enterB);
                    busy(200);
                    live.sharedRelease(tid, rw.readLock(), exitB);
                    rw.readLock().unlock();
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) w.join();
        live.finish();

        assertThat(live.failure()).isNull();
        // 80,000 holds of at least 200 ns each: both are held well over the 1 ms cut
        List<ContentionReport> reports = live.contention();
        for (ContentionReport r : reports) {
            assertThat(r.acquisitions()).as(r.lock()).isEqualTo(4L * perThread);
            assertThat(r.contended()).isLessThanOrEqualTo(r.acquisitions());
        }
        assertThat(reports).extracting(ContentionReport::kind).containsExactlyInAnyOrder("monitor", "read");
    }

    private static void busy(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }
}
