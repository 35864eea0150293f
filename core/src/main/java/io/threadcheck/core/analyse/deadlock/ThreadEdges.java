package io.threadcheck.core.analyse.deadlock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The deduplicated lock-order edges of one thread: an open-addressing index over (from, to,
 * held site, acquire site, gate set), so a repeated nested acquisition costs a probe and no
 * allocation. Written by its thread; the edge list is read at the end up to the published count.
 */
final class ThreadEdges {

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(ThreadEdges.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private LockEdge[] edges = new LockEdge[4];
    @SuppressWarnings("unused") private int count; // through COUNT
    private int[] index = new int[16];            // edge index + 1, 0 = empty

    private static int hash(int from, int to, int heldSite, int acquireSite, int gateHash) {
        int h = from * 0x9E3779B9;
        h = (h ^ to) * 0x85EBCA6B;
        h = (h ^ heldSite) * 0xC2B2AE35;
        h = (h ^ acquireSite) * 0x9E3779B9;
        h ^= gateHash;
        return h ^ (h >>> 16);
    }

    /** The edge for this acquisition while holding {@code held}'s entry {@code from}, or null. */
    LockEdge find(HeldLocks held, int from, LockNode to, int acquireSite, int gateHash) {
        int fromId = held.node(from).id;
        int heldSite = held.site(from);
        int mask = index.length - 1;
        for (int i = hash(fromId, to.id, heldSite, acquireSite, gateHash) & mask; ; i = (i + 1) & mask) {
            int slot = index[i];
            if (slot == 0) return null;
            LockEdge e = edges[slot - 1];
            if (e.to == to && e.from.id == fromId && e.heldSite == heldSite && e.acquireSite == acquireSite
                    && e.gateHash == gateHash && held.gatesEqual(from, e.gates)) {
                return e;
            }
        }
    }

    void add(LockEdge e) {
        int n = (int) COUNT.getOpaque(this);
        if (n == edges.length) edges = Arrays.copyOf(edges, n * 2);
        edges[n] = e;
        if ((n + 1) * 2 > index.length) {            // keep the load at most one half
            index = new int[index.length * 2];
            for (int k = 0; k < n; k++) place(edges[k], k);
        }
        place(e, n);
        COUNT.setRelease(this, n + 1);
    }

    private void place(LockEdge e, int n) {
        int mask = index.length - 1;
        int i = hash(e.from.id, e.to.id, e.heldSite, e.acquireSite, e.gateHash) & mask;
        while (index[i] != 0) i = (i + 1) & mask;
        index[i] = n + 1;
    }

    int published() {
        return (int) COUNT.getAcquire(this);
    }

    LockEdge get(int i) {
        return edges[i];
    }
}
