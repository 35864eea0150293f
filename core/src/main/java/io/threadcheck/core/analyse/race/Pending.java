package io.threadcheck.core.analyse.race;

/**
 * An earlier access found to race with the current one, noted under the variable's lock and
 * reported after it is released (building a report is slow). A short chain in detection
 * order; made only on a race.
 */
final class Pending {
    final int tid;
    final boolean write;
    final int site;
    final LockSet locks;
    Pending next;

    private Pending(int tid, boolean write, int site, LockSet locks) {
        this.tid = tid;
        this.write = write;
        this.site = site;
        this.locks = locks;
    }

    /** Appends the access unless one at the same site is already in the chain; returns the head. */
    static Pending add(Pending chain, int tid, boolean write, int site, LockSet locks) {
        Pending p = new Pending(tid, write, site, locks == null ? LockSet.EMPTY : locks);
        if (chain == null) return p;
        Pending last = chain;
        while (true) {
            if (last.site == site) return chain;
            if (last.next == null) break;
            last = last.next;
        }
        last.next = p;
        return chain;
    }
}
