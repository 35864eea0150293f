package io.threadcheck.core.analyse.contention;

/**
 * The contention state of one thread: the locks it holds, its pending request, its condition
 * wait, a one-entry cache of the last lock it looked up, and its share of the shared-lock totals.
 *
 * <p>Touched by its own thread's events only; the joiner clears the cache after the thread ended,
 * and the end of the run reads the shared totals.
 */
final class ThreadContention {

    final HeldLocks held = new HeldLocks();
    final PendingRequest pending = new PendingRequest();

    /** The lock this thread last looked up, so that repeated use of one lock skips the weak map. */
    Object cachedLock;
    boolean cachedShared;
    LockStats cachedStats;

    /** The lock of the wait/await in progress (null when none), its statistics, and when the wait began. */
    Object waitLock;
    LockStats waitStats;
    long waitSince;
    /** The release that wait/await makes right after waitStart: its hold already ended. */
    Object releaseToSkip;

    /**
     * Acquisitions and hold time of shared sides, by {@code (sharedId, site)}: kept per thread so
     * readers on different threads never write one shared counter; summed at the end.
     */
    final SiteTotals sharedTotals = new SiteTotals();

    void clearCache() {
        cachedLock = null;
        cachedStats = null;
    }
}
