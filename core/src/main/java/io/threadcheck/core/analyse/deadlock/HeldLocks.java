package io.threadcheck.core.analyse.deadlock;

import java.util.Arrays;

/**
 * The exclusive locks one thread holds, outermost first: per lock the object (compared by
 * identity; held anyway), its node, the hold count (reentrancy), the site and position of the
 * outermost acquisition, and its critical section in the lock's list (-1 when not recorded).
 * Touched only by its own thread.
 */
final class HeldLocks {

    private Object[] locks = new Object[4];
    private LockNode[] nodes = new LockNode[4];
    private int[] holds = new int[4];
    private int[] sites = new int[4];
    private int[] sections = new int[4];
    private int size;

    int size() {
        return size;
    }

    /** The index of {@code lock}, or -1 when not held. */
    int indexOf(Object lock) {
        for (int i = size - 1; i >= 0; i--) {
            if (locks[i] == lock) return i;
        }
        return -1;
    }

    LockNode node(int i) {
        return nodes[i];
    }

    int site(int i) {
        return sites[i];
    }

    int section(int i) {
        return sections[i];
    }

    int holds(int i) {
        return holds[i];
    }

    void setHolds(int i, int n) {
        holds[i] = n;
    }

    void push(Object lock, LockNode node, int holdCount, int site, int section) {
        if (size == locks.length) {
            int n = size * 2;
            locks = Arrays.copyOf(locks, n);
            nodes = Arrays.copyOf(nodes, n);
            holds = Arrays.copyOf(holds, n);
            sites = Arrays.copyOf(sites, n);
            sections = Arrays.copyOf(sections, n);
        }
        locks[size] = lock;
        nodes[size] = node;
        holds[size] = holdCount;
        sites[size] = site;
        sections[size] = section;
        size++;
    }

    /** Drops entry {@code i} (locks need not be released in reverse order). */
    void remove(int i) {
        int tail = size - i - 1;
        System.arraycopy(locks, i + 1, locks, i, tail);
        System.arraycopy(nodes, i + 1, nodes, i, tail);
        System.arraycopy(holds, i + 1, holds, i, tail);
        System.arraycopy(sites, i + 1, sites, i, tail);
        System.arraycopy(sections, i + 1, sections, i, tail);
        size--;
        locks[size] = null;
        nodes[size] = null;
    }

    /** An order-independent hash of the ids of the held locks other than entry {@code except}. */
    int gateHash(int except) {
        int h = 0;
        for (int i = 0; i < size; i++) {
            if (i != except) h += mix(nodes[i].id);
        }
        return h;
    }

    /** True when {@code gates} (sorted ids) is exactly the set of held locks other than {@code except}. */
    boolean gatesEqual(int except, int[] gates) {
        if (gates.length != size - 1) return false;
        for (int i = 0; i < size; i++) {
            if (i != except && Arrays.binarySearch(gates, nodes[i].id) < 0) return false;
        }
        return true;
    }

    /** The ids of the held locks other than entry {@code except}, sorted. */
    int[] gates(int except) {
        int[] g = new int[size - 1];
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (i != except) g[k++] = nodes[i].id;
        }
        Arrays.sort(g);
        return g;
    }

    /**
     * The site of the outermost acquisition of the held lock whose JVM identity is
     * {@code jvmIdentity}, or -1. Read by another thread (the live-deadlock watchdog, while this
     * thread is blocked): tolerates a stale view, never fails on one.
     */
    int siteOfJvmIdentity(int jvmIdentity) {
        LockNode[] n = nodes;
        int[] s = sites;
        for (int i = Math.min(size, Math.min(n.length, s.length)) - 1; i >= 0; i--) {
            LockNode node = n[i];
            if (node != null && node.jvmIdentity == jvmIdentity) return s[i];
        }
        return -1;
    }

    static int mix(int id) {
        int h = id * 0x9E3779B9;
        return h ^ (h >>> 15);
    }
}
