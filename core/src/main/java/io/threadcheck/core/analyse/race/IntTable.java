package io.threadcheck.core.analyse.race;

import java.util.function.IntFunction;

/**
 * A small int-keyed table of shadow states (open addressing, linear probing, load at most
 * one half). Lookups take no lock: a slot is null or a fully constructed entry whose final key
 * can be trusted; a reader that misses falls back to the locked path. Entries are never
 * removed. Insertions lock this table (an object of our own).
 */
final class IntTable<V extends Keyed> {

    private volatile Keyed[] slots;
    private int size; // guarded by this

    IntTable(int capacity) {
        int n = 2;
        while (n < capacity) n <<= 1;
        slots = new Keyed[n];
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @SuppressWarnings("unchecked")
    V get(int key) {
        Keyed[] s = slots;
        int mask = s.length - 1;
        int i = mix(key) & mask;
        for (int probes = 0; probes <= mask; probes++) {
            Keyed k = s[i];
            if (k == null) return null;
            if (k.key == key) return (V) k;
            i = (i + 1) & mask;
        }
        return null;
    }

    V getOrCreate(int key, IntFunction<V> factory) {
        V v = get(key);
        return v != null ? v : create(key, factory);
    }

    @SuppressWarnings("unchecked")
    private synchronized V create(int key, IntFunction<V> factory) {
        V v = get(key);
        if (v != null) return v;
        v = factory.apply(key);
        Keyed[] s = slots;
        if ((size + 1) * 2 > s.length) {
            Keyed[] grown = new Keyed[s.length * 2];
            for (Keyed k : s) {
                if (k != null) place(grown, k);
            }
            place(grown, v);
            slots = grown; // volatile write publishes the filled table
        } else {
            place(s, v);
        }
        size++;
        return v;
    }

    private static void place(Keyed[] s, Keyed entry) {
        int mask = s.length - 1;
        int i = mix(entry.key) & mask;
        while (s[i] != null) i = (i + 1) & mask;
        s[i] = entry;
    }
}
