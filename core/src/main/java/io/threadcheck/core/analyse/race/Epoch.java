package io.threadcheck.core.analyse.race;

/**
 * An epoch {@code c@t} (FastTrack): clock {@code c} of thread {@code t}, packed in a long.
 *
 * <pre>
 *   bit 63 ........ 40 | 39 .............. 0
 *   thread id (24 bits) | clock (40 bits, unsigned)
 * </pre>
 *
 * <p>{@link #NONE} (0, i.e. {@code 0@0}) is "never accessed": every thread's clock starts at 1,
 * so it is before every vector clock. {@link #SHARED} (all ones) is no real epoch (its thread id
 * is above {@link #MAX_TID}); a variable's read epoch holds it while the reads are kept in a
 * read vector clock. Thread ids above {@link #MAX_TID} (about 16.7 million) are not analysed.
 * A clock stops at {@link #MAX_CLOCK} (about 10^12 releases by one thread): past it the thread's
 * later releases order nothing new, which can hide races but never invents one.
 */
final class Epoch {

    static final int CLOCK_BITS = 40;
    static final long CLOCK_MASK = (1L << CLOCK_BITS) - 1;
    static final long MAX_CLOCK = CLOCK_MASK;
    static final int MAX_TID = (1 << (64 - CLOCK_BITS)) - 2;

    /** {@code 0@0}: no access yet; happens-before everything. */
    static final long NONE = 0L;
    /** Marks a read epoch whose reads live in a read-shared vector clock. */
    static final long SHARED = -1L;

    private Epoch() {}

    static long make(int tid, long clock) {
        return ((long) tid << CLOCK_BITS) | clock;
    }

    static int tid(long epoch) {
        return (int) (epoch >>> CLOCK_BITS);
    }

    static long clock(long epoch) {
        return epoch & CLOCK_MASK;
    }

    /** {@code c@t ≤ vc}: {@code c ≤ vc[t]} (entries beyond the array are 0). */
    static boolean leq(long epoch, long[] vc) {
        int t = (int) (epoch >>> CLOCK_BITS);
        long c = epoch & CLOCK_MASK;
        return c <= (t < vc.length ? vc[t] : 0L);
    }

    static String toString(long epoch) {
        return epoch == SHARED ? "SHARED" : clock(epoch) + "@" + tid(epoch);
    }
}
