package io.threadcheck.core.record;

import java.util.Arrays;

/**
 * The reads one thread made inside an optimistic read section (see
 * {@link io.threadcheck.core.model.ApiEvents#beginOptimisticRead}), held back until the section
 * ends: then they are checked, in order, as the reads they were, or dropped. Owned by its
 * thread (and by a joiner once the thread has ended); reused from section to section.
 */
final class HeldReads {

    /** More reads than this in one section: they are checked at once and the section ends. */
    static final int MAX = 1024;

    private Object[] targets = new Object[16];
    private int[] indexes = new int[16];   // array index, or -1 for a field
    private int[] sites = new int[16];
    private int size;

    /** Holds one read; false when full (the caller then settles the section). */
    boolean add(Object target, int index, int site) {
        if (size == MAX) return false;
        if (size == targets.length) {
            int n = size * 2;
            targets = Arrays.copyOf(targets, n);
            indexes = Arrays.copyOf(indexes, n);
            sites = Arrays.copyOf(sites, n);
        }
        targets[size] = target;
        indexes[size] = index;
        sites[size] = site;
        size++;
        return true;
    }

    /** Hands the held reads, as thread {@code tid}'s, to {@code ev}, then forgets them. */
    void replay(EventVisitor ev, int tid) {
        try {
            for (int i = 0; i < size; i++) {
                if (indexes[i] < 0) ev.read(tid, targets[i], sites[i]);
                else ev.arrayRead(tid, targets[i], indexes[i], sites[i]);
            }
        } finally {
            clear();
        }
    }

    void clear() {
        Arrays.fill(targets, 0, size, null); // do not keep program objects alive
        size = 0;
    }
}
