package io.threadcheck.core.analyse.contention;

import java.util.Arrays;

/**
 * The locks one thread holds now, each with its reentrant hold count, the site and time of the
 * outermost acquisition, and whether an {@code Object.wait}/{@code Condition.await} has given it
 * up for the moment. A thread holds few locks: a small array searched from the most recent.
 *
 * <p>The lock objects are referenced only while held. Touched by its own thread only.
 */
final class HeldLocks {

    private Object[] locks = new Object[4];
    LockStats[] stats = new LockStats[4];
    int[] counts = new int[4];
    int[] sites = new int[4];
    long[] since = new long[4];
    boolean[] suspended = new boolean[4];
    private int size;

    /** The index of {@code lock}'s entry for the given side, or -1. */
    int indexOf(Object lock, boolean shared) {
        Object[] l = locks;
        for (int i = size - 1; i >= 0; i--) {
            if (l[i] == lock && stats[i].shared == shared) return i;
        }
        return -1;
    }

    /** A new outermost hold of {@code lock}, taken at {@code site} at time {@code now}. */
    void push(Object lock, LockStats s, int site, long now) {
        if (size == locks.length) {
            int n = size * 2;
            locks = Arrays.copyOf(locks, n);
            stats = Arrays.copyOf(stats, n);
            counts = Arrays.copyOf(counts, n);
            sites = Arrays.copyOf(sites, n);
            since = Arrays.copyOf(since, n);
            suspended = Arrays.copyOf(suspended, n);
        }
        locks[size] = lock;
        stats[size] = s;
        counts[size] = 1;
        sites[size] = site;
        since[size] = now;
        suspended[size] = false;
        size++;
    }

    /** Drops entry {@code i} (the order of entries does not matter: the last takes its place). */
    void remove(int i) {
        int last = --size;
        locks[i] = locks[last];
        stats[i] = stats[last];
        counts[i] = counts[last];
        sites[i] = sites[last];
        since[i] = since[last];
        suspended[i] = suspended[last];
        locks[last] = null;
        stats[last] = null;
    }

    int size() {
        return size;
    }
}
