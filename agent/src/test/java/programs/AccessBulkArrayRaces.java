package programs;

import java.util.Arrays;

/**
 * Bulk array operations that read or write elements without array instructions, racing with
 * plain accesses in another thread: each scenario has its own array and exactly one element in
 * conflict (two copies into one destination range conflict on all four elements).
 */
public final class AccessBulkArrayRaces {
    static final int[] COPY_TARGET = new int[8];
    static final int[] FILLED = new int[6];
    static final int[] GENERATED = new int[4];
    static final Integer[] SORTED = {3, 1, 2};
    static final int[] PARALLEL_SORTED = {5, 4, 3, 2};
    static final int[] COPIED = {1, 2, 3, 4, 5};
    static final int[] RANGE_COPIED = {1, 2, 3, 4, 5};
    static final long[] COMPARED = {1, 2, 3};
    static final int[] HASHED = {1, 2};
    static final String[] CLONED = {"a", "b", "c"};

    static void bulk() {
        int[] source = {1, 2, 3, 4};
        System.arraycopy(source, 0, COPY_TARGET, 2, 4); // race:copy-bulk
        Arrays.fill(FILLED, 7); // race:fill
        Arrays.setAll(GENERATED, i -> i * 2); // race:set-all
        Arrays.sort(SORTED); // race:sort
        Arrays.parallelSort(PARALLEL_SORTED); // race:parallel-sort
        int[] prefix = Arrays.copyOf(COPIED, 3); // race:copy-of
        int[] middle = Arrays.copyOfRange(RANGE_COPIED, 2, 4); // race:copy-of-range
        boolean same = Arrays.equals(new long[] {1, 2, 3}, COMPARED); // race:equals
        int hash = Arrays.hashCode(HASHED); // race:hash-code
        String[] copy = CLONED.clone(); // race:clone
        if (prefix.length + middle.length + hash + copy.length == 0 && same) throw new AssertionError();
    }

    static void plain() {
        int[] source = {9, 9, 9, 9};
        System.arraycopy(source, 0, COPY_TARGET, 2, 4); // race:copy-plain
        int seen = FILLED[3]; // race:fill-read
        GENERATED[1] = 5; // race:set-all-write
        SORTED[0] = 9; // race:sort-write
        seen += PARALLEL_SORTED[1]; // race:parallel-sort-read
        COPIED[2] = 0; // race:copy-of-write
        RANGE_COPIED[3] = 0; // race:copy-of-range-write
        COMPARED[1] = 0; // race:equals-write
        HASHED[0] = 0; // race:hash-code-write
        CLONED[2] = "z"; // race:clone-write
        // Outside every bulk range: no conflict.
        COPIED[4] = seen;
        RANGE_COPIED[0] = 0;
        COPY_TARGET[0] = 1;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread bulk = new Thread(AccessBulkArrayRaces::bulk, "bulk");
        Thread plain = new Thread(AccessBulkArrayRaces::plain, "plain");
        bulk.start(); // start:bulk
        plain.start(); // start:plain
        bulk.join();
        plain.join();
        System.out.println("done");
    }
}
