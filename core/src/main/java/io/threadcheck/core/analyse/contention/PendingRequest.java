package io.threadcheck.core.analyse.contention;

/**
 * A thread's request for a lock that it found taken (so it may have to wait), kept until the
 * acquisition that ends the wait. What was seen at the request decides whether the acquisition
 * counts as contended: a shared request waits for an exclusive holder or a permit, an exclusive
 * one also for readers. One per thread, reused: no allocation per request.
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

    void set(Object lock, long since, int site, long holder, int readerCount, int readerSite, boolean noPermits) {
        this.lock = lock;
        this.since = since;
        this.site = site;
        this.otherHolder = holder != 0;
        this.holderSite = holder != 0 ? LockOwnership.holderSite(holder) : -1;
        this.readers = readerCount > 0;
        this.readerSite = readerSite;
        this.noPermits = noPermits;
    }

    /** The request for {@code lock} had to wait for an exclusive acquisition. */
    boolean blocksExclusive(Object lock) {
        return this.lock == lock && (otherHolder || readers);
    }

    /** The request for {@code lock} had to wait for a shared acquisition. */
    boolean blocksShared(Object lock) {
        return this.lock == lock && (otherHolder || noPermits);
    }

    /** The site of the holder an exclusive waiter waited for: the writer, else the latest reader. */
    int exclusiveBlamed() {
        return otherHolder ? holderSite : readerSite;
    }

    void clear() {
        lock = null;
    }
}
