package io.threadcheck.core.analyse.deadlock;

import io.threadcheck.core.util.ObjectNames;

/**
 * One lock of the lock-order graph, made on first sight of the lock object: a dense id that is
 * never reused (so the graph keeps it after the object is collected), its report name, and its
 * critical sections in the order they happened (the program's own lock orders them).
 */
final class LockNode {

    /** A section not released yet. */
    static final int OPEN = Integer.MAX_VALUE;

    final int id;
    final String name;
    final int identityHash;       // the JVM's identity of the lock (see JvmLockIdentity)
    /** Outermost critical sections as triples (tid, acquire position, release position); guarded by this. */
    final IntList sections = new IntList(6);

    LockNode(int id, Object lock) {
        this.id = id;
        this.name = ObjectNames.describe(lock);
        this.identityHash = JvmLockIdentity.of(lock);
    }

    synchronized void opened(int tid, int position) {
        sections.add(tid);
        sections.add(position);
        sections.add(OPEN);
    }

    /** Closes {@code tid}'s open section: the last one, as the lock excludes others while held. */
    synchronized void closed(int tid, int position) {
        for (int i = sections.size() - 3; i >= 0; i -= 3) {
            if (sections.get(i) == tid && sections.get(i + 2) == OPEN) {
                sections.set(i + 2, position);
                return;
            }
        }
    }
}
