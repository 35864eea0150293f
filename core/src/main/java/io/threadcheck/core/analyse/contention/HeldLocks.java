package io.threadcheck.core.analyse.contention;

import java.util.Arrays;

/**
 * The locks one thread holds now ({@link HeldLock}s). A thread holds few locks: a small array
 * searched from the most recent. Touched by its own thread only.
 */
final class HeldLocks {

    private HeldLock[] entries = newEntries(new HeldLock[0], 4);
    private int size;

    /** The entry of {@code lock}'s given side, or null when not held. */
    HeldLock find(Object lock, boolean shared) {
        HeldLock[] e = entries;
        for (int i = size - 1; i >= 0; i--) {
            HeldLock h = e[i];
            if (h.lock == lock && h.shared == shared) return h;
        }
        return null;
    }

    /** A new outermost hold of {@code lock}, taken at {@code site} at time {@code now}. */
    void push(Object lock, LockStats stats, int site, long now) {
        if (size == entries.length) entries = newEntries(entries, size * 2);
        entries[size++].set(lock, stats, site, now);
    }

    /** Drops {@code held} (the order of entries does not matter: the last takes its place). */
    void remove(HeldLock held) {
        HeldLock[] e = entries;
        for (int i = size - 1; i >= 0; i--) {
            if (e[i] == held) {
                int last = --size;
                e[i] = e[last];
                e[last] = held;
                held.clear();
                return;
            }
        }
    }

    int size() {
        return size;
    }

    private static HeldLock[] newEntries(HeldLock[] old, int length) {
        HeldLock[] e = Arrays.copyOf(old, length);
        for (int i = old.length; i < length; i++) e[i] = new HeldLock();
        return e;
    }
}
