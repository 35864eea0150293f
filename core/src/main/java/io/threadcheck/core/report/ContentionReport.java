package io.threadcheck.core.report;

import io.threadcheck.core.record.Site;
import java.util.List;

/**
 * Contention on one lock (a monitor, a {@code Lock}, one side of a read-write lock, a
 * semaphore) over the whole run. Waits are lock waits only: the time in {@code Object.wait} and
 * {@code Condition.await} on the lock is {@code conditionWaitNanos}, apart.
 *
 * @param lock               the lock, {@code class.Name@identityHash}
 * @param kind               {@code monitor}, {@code lock}, {@code read}, {@code write} or
 *                           {@code semaphore}; null when unknown
 * @param site               where the lock was first taken
 * @param acquisitions       how many times it was taken (reentrant acquisitions not counted)
 * @param contended          how many of those found it held by another thread and waited
 * @param waitNanos          total time waited for it
 * @param maxWaitNanos       longest single wait
 * @param holdNanos          total time it was held (semaphores: 0, permits have no holder)
 * @param p50WaitNanos       median of the contended waits (0 when none); percentiles are exact
 *                           to within 1/16 of their value
 * @param p90WaitNanos       90th percentile of the contended waits
 * @param p99WaitNanos       99th percentile of the contended waits
 * @param conditionWaitNanos time threads spent in wait/await on it (not lock waiting)
 * @param holdShare          {@code holdNanos} as a share of the run's wall time, 0 to 1 (can
 *                           exceed 1 for a read side held by several threads at once)
 * @param waitingSites       where threads waited, most waited first
 * @param holdingSites       where it was taken, longest held first
 * @param blame              which holder site made which waiter site wait, most first
 */
public record ContentionReport(String lock, String kind, Site site, long acquisitions, long contended,
                               long waitNanos, long maxWaitNanos, long holdNanos,
                               long p50WaitNanos, long p90WaitNanos, long p99WaitNanos,
                               long conditionWaitNanos, double holdShare,
                               List<SiteTime> waitingSites, List<SiteTime> holdingSites, List<Blame> blame) {

    /** A site with how often something happened there and how long it took in total. */
    public record SiteTime(Site site, long count, long nanos) {}

    /** Waits at {@code waiter} while the lock was held by a thread that took it at {@code holder}. */
    public record Blame(Site holder, Site waiter, long count, long waitNanos) {}

    public ContentionReport {
        waitingSites = waitingSites == null ? List.of() : List.copyOf(waitingSites);
        holdingSites = holdingSites == null ? List.of() : List.copyOf(holdingSites);
        blame = blame == null ? List.of() : List.copyOf(blame);
    }

    /** The statistics of the first report version, without percentiles and sites. */
    public ContentionReport(String lock, Site site, long acquisitions, long contended,
                            long waitNanos, long maxWaitNanos, long holdNanos) {
        this(lock, null, site, acquisitions, contended, waitNanos, maxWaitNanos, holdNanos, 0, 0, 0, 0, 0,
                List.of(), List.of(), List.of());
    }

    /** Mean wait of a contended acquisition; 0 when none. */
    public long meanWaitNanos() {
        return contended == 0 ? 0 : waitNanos / contended;
    }
}
