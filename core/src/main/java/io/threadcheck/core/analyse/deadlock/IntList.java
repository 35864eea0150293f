package io.threadcheck.core.analyse.deadlock;

import java.util.Arrays;

/** A growable array of ints: the compact storage of the synchronisation trace. Not thread-safe. */
final class IntList {

    private int[] items;
    private int size;

    IntList(int capacity) {
        items = new int[Math.max(capacity, 2)];
    }

    void add(int v) {
        if (size == items.length) items = Arrays.copyOf(items, items.length * 2);
        items[size++] = v;
    }

    int get(int i) {
        return items[i];
    }

    void set(int i, int v) {
        items[i] = v;
    }

    int size() {
        return size;
    }
}
