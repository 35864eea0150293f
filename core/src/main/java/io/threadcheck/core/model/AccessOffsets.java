package io.threadcheck.core.model;

import java.util.Arrays;

/**
 * The Unsafe offsets of one class's fields that the program asked for, each with its field.
 * A class has few such fields: a copied-on-write pair of arrays, read without a lock.
 */
final class AccessOffsets {

    private volatile long[] offsets = new long[0];
    private volatile AccessTarget[] targets = new AccessTarget[0];

    synchronized void add(long offset, AccessTarget target) {
        if (find(offset) != null) return;
        int n = offsets.length;
        AccessTarget[] t = Arrays.copyOf(targets, n + 1);
        long[] o = Arrays.copyOf(offsets, n + 1);
        t[n] = target;
        o[n] = offset;
        targets = t;   // targets first: a reader that sees the new offsets sees the new targets
        offsets = o;
    }

    /** The field at {@code offset}, or null. */
    AccessTarget find(long offset) {
        long[] o = offsets;
        AccessTarget[] t = targets;
        for (int i = 0; i < o.length; i++) {
            if (o[i] == offset) return t[i];
        }
        return null;
    }
}
