package io.threadcheck.core.analyse.deadlock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One thread's part of the synchronisation trace, for confirming cycles at the end.
 *
 * <p>The thread numbers its synchronisation events 0, 1, 2...: 0 is its beginning, then every
 * acquire, try-acquire, release, sync acquire, sync release, start of a child and join. Kept:
 * its sync acquires that saw releases (position, releases seen, location), its joins (position,
 * joined thread, that thread's event count), and the critical sections it opened (acquire
 * position, index in the lock's list, lock). Positions before {@link #recordedUpTo()} are
 * completely recorded; once the budget is spent the thread records nothing more, so what is
 * recorded stays a prefix of the run closed under happens-before.
 *
 * <p>Written by its own thread only, read at the end up to the published counts.
 */
final class ThreadTrace {

    private static final VarHandle RECORDED_UP_TO;

    static {
        try {
            RECORDED_UP_TO = MethodHandles.lookup().findVarHandle(ThreadTrace.class, "recordedUpTo", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Sync acquires: (position, releases seen) and the location. */
    final TraceRecords acquires = new TraceRecords(2, true);
    /** Joins: (position, joined tid, joined thread's event count). */
    final TraceRecords joins = new TraceRecords(3, false);
    /** Critical sections opened: (acquire position, index in the lock's list) and the lock. */
    final TraceRecords sections = new TraceRecords(2, true);

    private final TraceBudget budget;
    private boolean recording = true;
    private int chunkLeft;
    @SuppressWarnings("unused") // accessed through RECORDED_UP_TO
    private int recordedUpTo = 1; // position 0, the beginning, needs no record

    // the last sync acquire recorded: a repeat that sees nothing new adds nothing
    private SyncLocation lastLocation;
    private int lastSeen;

    ThreadTrace(TraceBudget budget) {
        this.budget = budget;
    }

    /** True while this thread records; checked at every event, false for good once stopped. */
    boolean recording() {
        if (recording && budget.stopped()) recording = false;
        return recording;
    }

    /** Counts {@code items} just recorded; when no budget is left the next events are not recorded. */
    void spend(int items) {
        chunkLeft -= items;
        while (chunkLeft < 0) {
            if (!budget.grant(TraceBudget.CHUNK)) {
                recording = false;
                return;
            }
            chunkLeft += TraceBudget.CHUNK;
        }
    }

    /** The event at {@code pos} is completely recorded (called after each event while recording). */
    void recorded(int pos) {
        if (recording) RECORDED_UP_TO.setRelease(this, pos + 1);
    }

    /** Positions below this are completely recorded. */
    int recordedUpTo() {
        return (int) RECORDED_UP_TO.getAcquire(this);
    }

    // --- records --------------------------------------------------------------------------------

    void syncAcquire(int pos, SyncLocation location, int seen) {
        if (seen == 0 || (location == lastLocation && seen == lastSeen)) return;
        lastLocation = location;
        lastSeen = seen;
        acquires.add(pos, seen, location);
        spend(acquires.itemsPerRecord());
    }

    void join(int pos, int joined, int joinedCount) {
        joins.add(pos, joined, joinedCount);
        spend(joins.itemsPerRecord());
    }

    /** Opens a critical section of {@code lock}; returns its index in the lock's list. */
    int openSection(int tid, LockNode lock, int pos) {
        int opened = lock.open(tid, pos);
        int section = LockNode.index(opened);
        if (!LockNode.continued(opened)) {
            sections.add(pos, section, lock);
            spend(sections.itemsPerRecord() + lock.sectionItems());
        }
        return section;
    }
}
