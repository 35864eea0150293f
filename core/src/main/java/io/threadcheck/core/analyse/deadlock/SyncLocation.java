package io.threadcheck.core.analyse.deadlock;

/**
 * A synchronisation location that is not a lock (a volatile field, a latch, a queue...): its
 * releases in delivery order, as pairs (tid, position). An acquire sees every release before it.
 */
final class SyncLocation {

    final int id;
    final IntList releases = new IntList(4); // guarded by this
    int key;             // the location's key on its object; set once under the object's table lock
    SyncLocation next;   // the object's next location, same guard

    SyncLocation(int id) {
        this.id = id;
    }

    /** A release by {@code tid} at its sync position {@code position}. */
    synchronized void released(int tid, int position) {
        releases.add(tid);
        releases.add(position);
    }

    /** How many releases an acquire now sees. */
    synchronized int releaseCount() {
        return releases.size() / 2;
    }
}
