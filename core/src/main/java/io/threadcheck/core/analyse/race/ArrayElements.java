package io.threadcheck.core.analyse.race;

/**
 * Shadow states of one array's elements, made on first access of each index. Two levels
 * (chunks of {@value #CHUNK}) so a large array accessed at a few indices stays small.
 *
 * <p>Lookups take no lock (a slot is null or a fully constructed state); creation locks this
 * object (ours). When the array's length is known, indices outside it are refused (the access
 * will throw in the program); for a stand-in object of unknown length (offline) the table grows.
 */
final class ArrayElements {

    private static final int SHIFT = 8;
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private final int length; // -1: unknown
    private volatile VarState[][] chunks;

    ArrayElements(int length) {
        this.length = length;
        int n = length < 0 ? 1 : Math.max(1, (int) (((long) length + MASK) >>> SHIFT));
        this.chunks = new VarState[n][];
    }

    /** The element's state, or null when {@code index} is outside the array. */
    VarState element(int index) {
        VarState[][] c = chunks;
        int ci = index >>> SHIFT;
        if (index >= 0 && ci < c.length) {
            VarState[] chunk = c[ci];
            if (chunk != null) {
                int j = index & MASK;
                if (j < chunk.length) {
                    VarState v = chunk[j];
                    if (v != null) return v;
                }
            }
        }
        return create(index);
    }

    private synchronized VarState create(int index) {
        if (index < 0 || (length >= 0 && index >= length)) return null;
        VarState[][] c = chunks;
        int ci = index >>> SHIFT;
        if (ci >= c.length) { // unknown length only
            VarState[][] grown = new VarState[Math.max(ci + 1, c.length * 2)][];
            System.arraycopy(c, 0, grown, 0, c.length);
            chunks = c = grown;
        }
        VarState[] chunk = c[ci];
        if (chunk == null) {
            int size = length < 0 ? CHUNK : Math.min(CHUNK, length - (ci << SHIFT));
            chunk = new VarState[size];
            c[ci] = chunk;
        }
        int j = index & MASK;
        VarState v = chunk[j];
        if (v == null) {
            v = new VarState(index);
            chunk[j] = v;
        }
        return v;
    }
}
