package io.threadcheck.core.analyse.deadlock;

import io.threadcheck.core.record.Site;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deadlock analysis's state of one thread: its event position, the locks it holds, its
 * lock-order edges and its part of the trace.
 *
 * <p>Touched by its own events; the parent sets {@link #parent} and {@link #startPos} before
 * the thread runs, a joiner reads {@link #pos} after it ended, the end of the run reads what is
 * published.
 */
final class DeadlockThread {

    final int tid;
    /** Position of the next synchronisation event; 0 is the thread's beginning. */
    int pos = 1;
    /** Who started this thread (-1: unknown), and at which of the parent's positions. */
    volatile int parent = -1;
    volatile int startPos = -1;

    final HeldLocks held = new HeldLocks();
    final ThreadEdges edges = new ThreadEdges();
    final ThreadTrace trace;

    /** The lock a wait is giving up and will take back, and how many holds it had. */
    Object waitingOn;
    int waitHolds;

    /** Locks looked up last, so a loop over a few locks skips the shared map; strong for a while. */
    static final int NODE_CACHE = 4; // a power of two
    final Object[] cachedLocks = new Object[NODE_CACHE];
    final LockNode[] cachedNodes = new LockNode[NODE_CACHE];
    int nextCacheSlot;

    /** Stacks already captured for new edges, by (held site, acquire site): captured once each. */
    final Map<Long, List<Site>> stacksBySites = new HashMap<>();

    DeadlockThread(int tid, TraceBudget budget) {
        this.tid = tid;
        this.trace = new ThreadTrace(budget);
    }

    LockNode node(LockNodes nodes, Object lock) {
        Object[] keys = cachedLocks;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == lock) return cachedNodes[i];
        }
        LockNode n = nodes.of(lock);
        int slot = nextCacheSlot++ & (NODE_CACHE - 1);
        keys[slot] = lock;
        cachedNodes[slot] = n;
        return n;
    }
}
