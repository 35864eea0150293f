package io.threadcheck.core.analyse.deadlock;

import io.threadcheck.core.util.ObjectNames;

/**
 * One exclusive lock as the deadlock analysis knows it: a dense id that is never reused (so the
 * graph outlives the lock object), its report name captured at first sight, and its outermost
 * critical sections in acquisition order.
 *
 * <p>Holds no reference to the lock. The section list is written only by the thread that
 * really holds the lock at the time, so the program's own lock orders its writers.
 */
final class LockNode {

    /** Release position of a section that is still held (or whose release was not recorded). */
    static final int OPEN = Integer.MAX_VALUE;

    private static final int TID = 0;
    private static final int RELEASE = 1;

    final int id;
    private final String type;       // "class X" for a Class object, else the type name
    private final int identityHash;
    private final boolean isClass;
    /** The identity the JVM reports for the lock in thread dumps and deadlock detection. */
    final int jvmIdentity;

    /** (tid, release position) per outermost critical section, in acquisition order. */
    private final TraceRecords sections = new TraceRecords(2, false);

    // Used only by the closure at the end of the run (single-threaded): the index of the last
    // section, in trace order, whose acquisition is in the closure, valid for closureStamp.
    int closureStamp;
    int closureLast;

    LockNode(int id, Object lock) {
        this.id = id;
        if (lock instanceof Class<?> c) {
            this.type = "class " + ObjectNames.typeName(c);
            this.isClass = true;
        } else {
            this.type = ObjectNames.typeName(lock.getClass());
            this.isClass = false;
        }
        this.identityHash = System.identityHashCode(lock);
        this.jvmIdentity = JvmLockIdentity.of(lock);
    }

    /** The text {@link ObjectNames#describe(Object)} gives the lock, as race reports name it. */
    String name() {
        return isClass ? type : ObjectNames.describe(type, identityHash);
    }

    // --- written by the holder ----------------------------------------------------------------

    /**
     * Opens a section of {@code tid} acquiring at {@code acquirePos}; returns its index and
     * whether it is new. The thread's previous section is continued instead when it released
     * the lock at the event just before this one: nothing can happen between the two, and
     * the trace stays small for a lock taken in a loop.
     */
    int open(int tid, int acquirePos) {
        int n = sections.size();
        if (n > 0 && sections.get(n - 1, TID) == tid && sections.get(n - 1, RELEASE) == acquirePos - 1) {
            sections.set(n - 1, RELEASE, OPEN);
            return -(n - 1) - 1; // continued: encoded negative
        }
        return sections.add(tid, OPEN);
    }

    static boolean continued(int opened) {
        return opened < 0;
    }

    static int index(int opened) {
        return opened < 0 ? -opened - 1 : opened;
    }

    void close(int section, int releasePos) {
        sections.set(section, RELEASE, releasePos);
    }

    int sectionItems() {
        return sections.itemsPerRecord();
    }

    // --- read at the end --------------------------------------------------------------------------

    int sectionCount() {
        return sections.published();
    }

    int sectionThread(int section) {
        return sections.get(section, TID);
    }

    int sectionRelease(int section) {
        return sections.get(section, RELEASE);
    }

    @Override
    public String toString() {
        return name() + "#" + id;
    }
}
