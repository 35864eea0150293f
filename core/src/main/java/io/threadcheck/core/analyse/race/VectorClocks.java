package io.threadcheck.core.analyse.race;

import java.util.Arrays;

/**
 * Vector clocks as plain {@code long[]} indexed by thread id; entries past the end are 0.
 * The caller guards the arrays (see {@link RaceDetector} for who owns which clock).
 */
final class VectorClocks {

    private VectorClocks() {}

    /** {@code into ⊔= from}; returns {@code into}, or a larger copy when {@code from} is longer. */
    static long[] join(long[] into, long[] from) {
        if (from == null) return into;
        if (into == null) return from.clone();
        int n = from.length;
        if (n > into.length) into = Arrays.copyOf(into, n);
        for (int i = 0; i < n; i++) {
            long f = from[i];
            if (f > into[i]) into[i] = f;
        }
        return into;
    }

    /** {@code dst := src}, reusing {@code dst} when it is large enough (no allocation then). */
    static long[] copy(long[] src, long[] dst) {
        int n = src.length;
        if (dst == null || dst.length < n) return src.clone();
        System.arraycopy(src, 0, dst, 0, n);
        if (dst.length > n) Arrays.fill(dst, n, dst.length, 0L);
        return dst;
    }
}
