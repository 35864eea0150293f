package programs;

import java.util.Arrays;

/**
 * The correct twin of {@link AccessBulkArrayRaces}: the same bulk operations, each on a range
 * the other thread does not touch (two copies into distinct ranges of one destination), then
 * main, after joining, reads everything with more bulk reads. No race.
 */
public final class AccessBulkArrayRanges {
    static final int[] COPY_TARGET = new int[8];
    static final int[] FILLED = new int[6];
    static final int[] SORTED = {4, 3, 2, 1, 0, 0};
    static final Integer[] OBJECTS_SORTED = {3, 2, 1, 0};
    static final int[] COPIED = {1, 2, 3, 4, 5};
    static final int[] RANGE_COPIED = {1, 2, 3, 4, 5};
    static final long[] COMPARED = {1, 2, 3, 4};

    static void left() {
        System.arraycopy(new int[] {1, 2, 3, 4}, 0, COPY_TARGET, 0, 4);
        Arrays.fill(FILLED, 0, 3, 7);
        Arrays.sort(SORTED, 0, 4);
        Arrays.sort(OBJECTS_SORTED, 0, 2);
        int[] prefix = Arrays.copyOf(COPIED, 2);
        int[] middle = Arrays.copyOfRange(RANGE_COPIED, 1, 3);
        boolean same = Arrays.equals(COMPARED, 0, 2, new long[] {1, 2}, 0, 2);
        if (prefix[1] + middle[1] != 5 || !same) throw new AssertionError();
    }

    static void right() {
        System.arraycopy(new int[] {5, 6, 7, 8}, 0, COPY_TARGET, 4, 4);
        FILLED[4] = 1;
        SORTED[5] = 9;
        OBJECTS_SORTED[3] = 9;
        COPIED[3] = 0;
        RANGE_COPIED[4] = 0;
        COMPARED[3] = 0;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread left = new Thread(AccessBulkArrayRanges::left, "left");
        Thread right = new Thread(AccessBulkArrayRanges::right, "right");
        left.start();
        right.start();
        left.join();
        right.join();
        int[] all = COPY_TARGET.clone();
        System.out.println(Arrays.toString(all) + " " + Arrays.toString(FILLED) + " " + Arrays.toString(SORTED) + " "
                + Arrays.deepToString(OBJECTS_SORTED) + " " + Arrays.hashCode(COPIED) + " "
                + Arrays.equals(RANGE_COPIED, new int[] {1, 2, 3, 4, 0}) + " " + Arrays.toString(COMPARED));
    }
}
