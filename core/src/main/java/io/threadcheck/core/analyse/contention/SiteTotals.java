package io.threadcheck.core.analyse.contention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts and total nanoseconds by key (a site, or a pair of sites): an open-addressing table of
 * primitives, no allocation per update once a key is in.
 *
 * <p>One writer at a time (the caller serialises updates: the program's own lock, or a lock of
 * ours). Each table generation is one object, so a reader that races with a resize sees one
 * consistent generation, and a misbehaving caller can lose counts but never index out of bounds.
 */
final class SiteTotals {

    /** One key per entry; never a packed pair of valid sites. */
    private static final long EMPTY = Long.MIN_VALUE;

    /** A key with its count and total. */
    record Total(long key, long count, long nanos) {}

    private static final class Table {
        final long[] keys;
        final long[] counts;
        final long[] nanos;
        int size;

        Table(int capacity) {
            keys = new long[capacity];
            Arrays.fill(keys, EMPTY);
            counts = new long[capacity];
            nanos = new long[capacity];
        }
    }

    private Table table = new Table(8);

    /** A pair of sites as one key. */
    static long pair(int first, int second) {
        return ((long) first << 32) | (second & 0xFFFFFFFFL);
    }

    static int first(long pair) {
        return (int) (pair >>> 32);
    }

    static int second(long pair) {
        return (int) pair;
    }

    void add(long key, long count, long nanos) {
        Table t = table;
        int mask = t.keys.length - 1;
        int i = index(key) & mask;
        for (int probes = 0; ; probes++) {
            if (probes > mask) return; // only when updates raced (the table is never full otherwise)
            long k = t.keys[i];
            if (k == key) break;
            if (k == EMPTY) {
                if (t.size + 1 > (t.keys.length >>> 1) + (t.keys.length >>> 2)) {
                    t = grow(t);
                    mask = t.keys.length - 1;
                    i = index(key) & mask;
                    probes = -1;
                    continue;
                }
                t.keys[i] = key;
                t.size++;
                break;
            }
            i = (i + 1) & mask;
        }
        t.counts[i] += count;
        t.nanos[i] += nanos;
    }

    /** The entries, in no order (for reports: allocates). */
    List<Total> totals() {
        Table t = table;
        List<Total> out = new ArrayList<>(t.size);
        for (int i = 0; i < t.keys.length; i++) {
            long k = t.keys[i];
            if (k != EMPTY) out.add(new Total(k, t.counts[i], t.nanos[i]));
        }
        return out;
    }

    private Table grow(Table old) {
        Table t = new Table(old.keys.length * 2);
        int mask = t.keys.length - 1;
        for (int j = 0; j < old.keys.length; j++) {
            long k = old.keys[j];
            if (k == EMPTY) continue;
            int i = index(k) & mask;
            while (t.keys[i] != EMPTY) i = (i + 1) & mask;
            t.keys[i] = k;
            t.counts[i] = old.counts[j];
            t.nanos[i] = old.nanos[j];
            t.size++;
        }
        table = t;
        return t;
    }

    private static int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
