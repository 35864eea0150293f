package io.threadcheck.core.analyse.contention;

/**
 * The distribution of one lock's wait times, for percentiles: log-linear buckets, 16 per power
 * of two, so a bucket is never wider than 1/16 of its lower bound; values below 16 ns are exact.
 * A percentile is reported as the middle of its bucket, within 1/32 of the true value.
 *
 * <p>Buckets are allocated per power of two on first use (waits of one lock span few of them).
 * One writer at a time, as {@link SiteTotals}.
 */
final class WaitHistogram {

    private static final int SUB_BITS = 4;
    private static final int SUB = 1 << SUB_BITS;
    private static final int GROUPS = 64 - SUB_BITS; // group 0: 0..15 exactly; group g: [2^(g+3), 2^(g+4))

    private final long[][] groups = new long[GROUPS][];
    private long count;

    void record(long nanos) {
        long v = Math.max(0, nanos);
        int group;
        int sub;
        if (v < SUB) {
            group = 0;
            sub = (int) v;
        } else {
            int exponent = 63 - Long.numberOfLeadingZeros(v);
            group = exponent - SUB_BITS + 1;
            sub = (int) (v >>> (exponent - SUB_BITS)) & (SUB - 1);
        }
        long[] buckets = groups[group];
        if (buckets == null) {
            buckets = new long[SUB];
            groups[group] = buckets;
        }
        buckets[sub]++;
        count++;
    }

    long count() {
        return count;
    }

    /**
     * The {@code fraction} percentile (0 &lt; fraction &le; 1) by nearest rank: the smallest
     * recorded value with at least {@code ceil(fraction * count)} values at or below it, as the
     * middle of its bucket and never above {@code max}. 0 when empty.
     */
    long percentile(double fraction, long max) {
        if (count == 0) return 0;
        long rank = Math.max(1, (long) Math.ceil(fraction * count));
        long seen = 0;
        for (int g = 0; g < GROUPS; g++) {
            long[] buckets = groups[g];
            if (buckets == null) continue;
            for (int s = 0; s < SUB; s++) {
                seen += buckets[s];
                if (seen >= rank) return Math.min(middle(g, s), max);
            }
        }
        return max;
    }

    private static long middle(int group, int sub) {
        if (group == 0) return sub;
        int shift = group - 1;                 // bucket width is 2^shift
        long low = (long) (SUB + sub) << shift;
        return low + ((1L << shift) >>> 1);
    }
}
