package io.threadcheck.core.analyse.deadlock;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadcheck.core.record.AccessKind;
import io.threadcheck.core.record.Site;
import io.threadcheck.core.record.SymbolTable;
import io.threadcheck.core.record.ThreadTable;
import io.threadcheck.core.report.DeadlockReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deadlock analysis on hand-made event streams (one thread's events in its program order,
 * threads interleaved as written): which cycles it reports, and how sure it is.
 */
class DeadlockDetectorTest {

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
