package io.threadcheck.core.analyse.contention;

/**
 * The contention statistics of one lock (one side of a read-write lock) over the run. Never
 * refers to the lock object: found through a weak map keyed by the lock, and kept strongly by
 * the profiler once it is worth reporting, so it outlives the lock.
 *
 * <p>Thread-safety. For an exclusive lock every update is made by a thread that really holds the
 * lock (acquire is delivered after the real acquisition, release before the real release), so
 * the program's own lock serialises them and orders them for the next holder: no lock of ours.
 * A shared side (read lock, semaphore) is held by several threads at once: its waits are
 * recorded under this object's monitor (ours), its acquisitions and holds per thread and summed
 * at the end ({@link #addShared}).
 */
final class LockStats {

    final LockLabel label;
    final String kind;
    final boolean shared;
    /** The read side of a read-write lock: shared, with holders (a semaphore's permits have none). */
    final boolean readSide;
    /** Index among the shared sides (their per-thread totals are keyed by it); -1 for an exclusive lock. */
    final int sharedId;
    final LockOwnership ownership;

    /** Set when the profiler keeps this record (guarded by the profiler's list; only ever set). */
    boolean kept;

    int firstSite = -1;
    long acquisitions;
    long contended;
    long waitNanos;
    long maxWaitNanos;
    long holdNanos;
    long conditionWaitNanos;

    private WaitHistogram waits;      // allocated with the first wait
    private SiteTotals waitingSites;  // by waiter site
    private SiteTotals blame;         // by (holder site, waiter site)
    private SiteTotals holdingSites;  // by acquisition site; allocated with the first hold

    LockStats(LockLabel label, String kind, boolean shared, int sharedId, LockOwnership ownership) {
        this.label = label;
        this.kind = kind;
        this.shared = shared;
        this.readSide = shared && LockKinds.READ.equals(kind);
        this.sharedId = sharedId;
        this.ownership = ownership;
    }

    void acquiredAt(int site) {
        acquisitions++;
        takenAt(site);
    }

    /** Remembers the first site the lock was taken at (for a shared side a benign race: one of the first). */
    void takenAt(int site) {
        if (firstSite < 0) firstSite = site;
    }

    /** A hold that began at {@code site} ended after {@code nanos}; {@code count} is 1 for the whole hold, 0 for a part. */
    void held(int site, long count, long nanos) {
        holdNanos += nanos;
        SiteTotals sites = holdingSites;
        if (sites == null) {
            sites = new SiteTotals();
            holdingSites = sites;
        }
        sites.add(site, count, nanos);
    }

    /** A contended acquisition at {@code waiterSite} waited {@code nanos}, behind a holder that took the lock at {@code holderSite} (-1: unknown). */
    void waited(int waiterSite, int holderSite, long nanos) {
        if (waits == null) {
            waits = new WaitHistogram();
            waitingSites = new SiteTotals();
            blame = new SiteTotals();
        }
        contended++;
        waitNanos += nanos;
        if (nanos > maxWaitNanos) maxWaitNanos = nanos;
        waits.record(nanos);
        waitingSites.add(waiterSite, 1, nanos);
        if (holderSite >= 0) blame.add(SiteTotals.pair(holderSite, waiterSite), 1, nanos);
    }

    void conditionWaited(long nanos) {
        conditionWaitNanos += nanos;
    }

    /** Folds a thread's acquisitions and holds of this shared side at {@code site} in (at the end). */
    void addShared(int site, long count, long nanos) {
        acquisitions += count;
        held(site, count, nanos);
    }

    // --- for the report, after the run ------------------------------------------------------

    long percentile(double fraction) {
        return waits == null ? 0 : waits.percentile(fraction, maxWaitNanos);
    }

    SiteTotals waitingSites() {
        return waitingSites;
    }

    SiteTotals holdingSites() {
        return holdingSites;
    }

    SiteTotals blame() {
        return blame;
    }
}
