package io.threadcheck.core.analyse.deadlock;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the deadlock analysis keeps per thread: the locks it holds (with reentrant counts and
 * where each was taken), its position in its own sequence of synchronisation events, its part
 * of the synchronisation trace, and the lock-order edges it made. Touched by its own events
 * only (its parent writes {@link #parent} before it starts; the analysis reads it at the end).
 */
final class ThreadLocks {

    /** An edge's identity within its thread. */
    record EdgeKey(int from, int to, int heldSite, int acquireSite) {}

    final int tid;
    int position;

    LockNode[] held = new LockNode[4];
    int[] holds = new int[4];
    int[] heldSites = new int[4];
    int heldCount;

    int parent = -1;
    int parentPosition;
    /** Sync-location acquires as triples (position, location id, releases seen). */
    final IntList acquires = new IntList(8);
    /** Joins as triples (position, joined tid, joined thread's position count then). */
    final IntList joins = new IntList(2);
    long traceLeft;      // trace entries this thread may still record before claiming more
    int lastLocation = -1;
    int lastSeen = -1;

    final Map<EdgeKey, LockEdge> edges = new HashMap<>();

    ThreadLocks(int tid) {
        this.tid = tid;
    }

    int indexOf(LockNode node) {
        for (int i = heldCount - 1; i >= 0; i--) {
            if (held[i] == node) return i;
        }
        return -1;
    }

    void push(LockNode node, int site) {
        if (heldCount == held.length) {
            held = Arrays.copyOf(held, heldCount * 2);
            holds = Arrays.copyOf(holds, heldCount * 2);
            heldSites = Arrays.copyOf(heldSites, heldCount * 2);
        }
        held[heldCount] = node;
        holds[heldCount] = 1;
        heldSites[heldCount] = site;
        heldCount++;
    }

    void remove(int index) {
        int tail = heldCount - index - 1;
        System.arraycopy(held, index + 1, held, index, tail);
        System.arraycopy(holds, index + 1, holds, index, tail);
        System.arraycopy(heldSites, index + 1, heldSites, index, tail);
        heldCount--;
        held[heldCount] = null;
    }

    /** The ids of the held locks other than the one at {@code except}, sorted. */
    int[] gatesExcept(int except) {
        int[] out = new int[heldCount - 1];
        int n = 0;
        for (int i = 0; i < heldCount; i++) {
            if (i != except) out[n++] = held[i].id;
        }
        Arrays.sort(out);
        return out;
    }
}
