package io.threadcheck.core.analyse.contention;

/**
 * A thread's request for a lock that it found taken (so it may have to wait), kept until the
 * acquisition that ends the wait; meanwhile the thread counts among the lock's waiters. What was
 * seen at the request decides whether the acquisition counts as contended: a shared request
 * waits for an exclusive holder, a queue or a permit, an exclusive one also for readers. One per
 * thread, reused: no allocation per request.
 */
final class PendingRequest {

    /** The requested lock; null when no request is pending. */
    Object lock;
    long since;
    int site;
    /** Another thread held the lock exclusively, having taken it at {@link #holderSite}. */
    boolean otherHolder;
    int holderSite;
    /** Read holds were out (the latest taken at {@link #readerSite}). */
    boolean readers;
    int readerSite;
    /** A semaphore had no free permit, or threads queued for one. */
    boolean noPermits;
    /** Other threads were already queued for the lock (it may have been free for a moment between them). */
    boolean queued;
    /** The ownership this request counts as a waiter of. */
    private LockOwnership waitingOn;

    void set(Object lock, LockOwnership ownership, long since, int site, long holder, int readerCount,
             int readerSite, boolean noPermits, boolean queued) {
        this.lock = lock;
        this.since = since;
        this.site = site;
        this.otherHolder = holder != 0;
        this.holderSite = holder != 0 ? LockOwnership.holderSite(holder) : -1;
        this.readers = readerCount > 0;
        this.readerSite = readerSite;
        this.noPermits = noPermits;
        this.queued = queued;
        this.waitingOn = ownership;
        ownership.waiterArrived();
    }

    /** The request for {@code lock} had to wait for an exclusive acquisition. */
    boolean blocksExclusive(Object lock) {
        return this.lock == lock && (otherHolder || readers || queued);
    }

    /** The request for {@code lock} had to wait for a shared acquisition. */
    boolean blocksShared(Object lock) {
        return this.lock == lock && (otherHolder || noPermits || queued);
    }

    /**
     * The site of the holder an exclusive waiter waited for, asked when it got the lock: the holder
     * it found, else the latest reader, else (it queued behind others while the lock changed
     * hands) the holder just before it.
     */
    int exclusiveBlamed(LockOwnership ownership) {
        return otherHolder ? holderSite : readers ? readerSite : ownership.lastHolderSite();
    }

    /** The same for a shared waiter: the writer it found, else the writer just before it; -1 for a semaphore. */
    int sharedBlamed(LockOwnership ownership) {
        return otherHolder ? holderSite : queued ? ownership.lastHolderSite() : -1;
    }

    /** No request pending any more (acquired, or abandoned: it threw). */
    void clear() {
        if (waitingOn != null) {
            waitingOn.waiterLeft();
            waitingOn = null;
        }
        lock = null;
    }
}
