package io.threadcheck.core.analyse.contention;

/**
 * One lock a thread holds: the lock, its record and side, the reentrant hold count, the site and
 * time of the outermost acquisition, and whether wait/await has given it up for the moment.
 * Mutable and reused: a thread keeps a few of these for all the locks it ever takes.
 */
final class HeldLock {

    Object lock;     // referenced only while held
    LockStats stats;
    boolean shared;
    int count;
    int site;
    long since;
    boolean suspended;

    void set(Object lock, LockStats stats, int site, long since) {
        this.lock = lock;
        this.stats = stats;
        this.shared = stats.shared;
        this.count = 1;
        this.site = site;
        this.since = since;
        this.suspended = false;
    }

    void clear() {
        lock = null;
        stats = null;
    }
}
