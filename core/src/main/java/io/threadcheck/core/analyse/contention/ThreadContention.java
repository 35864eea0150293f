package io.threadcheck.core.analyse.contention;

import java.util.Arrays;

/**
 * The contention state of one thread: the locks it holds, its pending request, its condition
 * wait, a small cache of the last locks it looked up, and its share of the shared-lock totals.
 *
 * <p>Touched by its own thread's events only; the joiner clears the cache after the thread ended,
 * and the end of the run reads the shared totals.
 */
final class ThreadContention {

    final HeldLocks held = new HeldLocks();
    final PendingRequest pending = new PendingRequest();

    /**
     * The locks this thread looked up last, so that repeated use of a few locks skips the weak map
     * (and the identity hash, slow on a locked object). Strong references: a few locks per thread
     * stay alive a little longer; the thread's join lets them go.
     */
    private static final int CACHE = 4; // a power of two: slots are chosen by masking
    private final Object[] cachedLocks = new Object[CACHE];
    private final LockStats[] cachedStats = new LockStats[CACHE];
    private int nextCacheSlot;

    LockStats cached(Object lock, boolean shared) {
        Object[] locks = cachedLocks;
        for (int i = 0; i < CACHE; i++) {
            if (locks[i] == lock) {
                LockStats s = cachedStats[i];
                if (s.shared == shared) return s;
            }
        }
        return null;
    }

    void cache(Object lock, LockStats s) {
        int slot = nextCacheSlot++ & (CACHE - 1);
        cachedLocks[slot] = lock;
        cachedStats[slot] = s;
    }

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
        Arrays.fill(cachedLocks, null);
        Arrays.fill(cachedStats, null);
    }
}
