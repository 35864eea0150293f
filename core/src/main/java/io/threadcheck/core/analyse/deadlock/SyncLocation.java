package io.threadcheck.core.analyse.deadlock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One synchronisation location that is not a lock (a volatile field, a latch, a queue element):
 * its releases (tid, position) in delivery order. An acquire sees every release delivered
 * before it, and records how many that was.
 *
 * <p>Releasers append under this object's monitor (several threads may release one location);
 * acquirers read the published count without locking.
 */
final class SyncLocation {

    private static final VarHandle OBSERVED;

    static {
        try {
            OBSERVED = MethodHandles.lookup().findVarHandle(SyncLocation.class, "observed", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int TID = 0;
    private static final int POS = 1;

    private final TraceRecords releases = new TraceRecords(2, false);
    /** How many releases some acquire has counted; those are never changed. */
    private volatile int observed;

    // Used only by the closure at the end of the run: releases [0, closureCursor) are already
    // in the closure, valid for closureStamp.
    int closureStamp;
    int closureCursor;

    /**
     * Records a release by {@code tid} at {@code pos}; returns the items it cost (0 when it
     * replaced the same thread's previous release, which no acquire has counted yet: an
     * acquire that sees the later release sees the earlier one by program order).
     */
    int release(int tid, int pos) {
        synchronized (this) {
            int n = releases.size();
            if (n > 0 && observed < n && releases.get(n - 1, TID) == tid) {
                // Racing with an acquire that is counting right now at worst makes it wait for
                // this later release: more order than the run had, never less.
                releases.set(n - 1, POS, pos);
                return 0;
            }
            releases.add(tid, pos);
            return releases.itemsPerRecord();
        }
    }

    /** The number of releases an acquire now sees. */
    int observe() {
        int n = releases.published();
        int o;
        // only ever raised (never lowered by a slower reader); no write once it is current
        while ((o = observed) < n && !OBSERVED.compareAndSet(this, o, n)) {
            Thread.onSpinWait();
        }
        return n;
    }

    // --- read at the end --------------------------------------------------------------------------

    int releaseCount() {
        return releases.published();
    }

    int releaseThread(int i) {
        return releases.get(i, TID);
    }

    int releasePos(int i) {
        return releases.get(i, POS);
    }
}
