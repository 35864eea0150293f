package io.threadcheck.core.analyse.deadlock;

import io.threadcheck.core.record.Site;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * A lock-order edge {@code from → to}: thread {@code tid}, holding {@code from} (taken at
 * {@code heldSite}) and the {@code gates}, blocked to acquire {@code to} at {@code acquireSite}.
 * One per distinct (from, to, thread, held site, acquire site, gate set): the first occurrence
 * keeps its position and stack, later ones only the last position and the count.
 *
 * <p>Made and updated by its thread only; read at the end (last position and count opaquely).
 */
final class LockEdge {

    private static final VarHandle LAST_POS;
    private static final VarHandle COUNT;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            LAST_POS = l.findVarHandle(LockEdge.class, "lastPos", int.class);
            COUNT = l.findVarHandle(LockEdge.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final LockNode from;
    final LockNode to;
    final int tid;
    final int heldSite;
    final int acquireSite;
    /** Ids of the other locks held, sorted. */
    final int[] gates;
    final int gateHash;
    /** Position of the first acquisition, in its thread's event numbering. */
    final int firstPos;
    /** Detection order over all threads: output order and tie-breaks. */
    final long seq;
    /** The stack at the acquisition, innermost first, or null when none could be had. */
    final List<Site> acquireStack;

    @SuppressWarnings("unused") private int lastPos;  // through LAST_POS
    @SuppressWarnings("unused") private long count;   // through COUNT

    LockEdge(LockNode from, LockNode to, int tid, int heldSite, int acquireSite, int[] gates, int gateHash,
             int pos, long seq, List<Site> acquireStack) {
        this.from = from;
        this.to = to;
        this.tid = tid;
        this.heldSite = heldSite;
        this.acquireSite = acquireSite;
        this.gates = gates;
        this.gateHash = gateHash;
        this.firstPos = pos;
        this.seq = seq;
        this.acquireStack = acquireStack;
        LAST_POS.setOpaque(this, pos);
        COUNT.setOpaque(this, 1L);
    }

    /** Another occurrence, at {@code pos} (by the edge's own thread). */
    void seenAgain(int pos) {
        LAST_POS.setOpaque(this, pos);
        COUNT.setOpaque(this, (long) COUNT.getOpaque(this) + 1);
    }

    int lastPos() {
        return (int) LAST_POS.getOpaque(this);
    }

    long count() {
        return (long) COUNT.getOpaque(this);
    }

    boolean gatesContain(int lockId) {
        return java.util.Arrays.binarySearch(gates, lockId) >= 0;
    }

    @Override
    public String toString() {
        return from + "->" + to + " by " + tid;
    }
}
