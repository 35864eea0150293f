package io.threadcheck.core.analyse.race;

import java.util.Arrays;

/**
 * FastTrack state of one thread: its vector clock {@code C_t}, its current epoch (cached), the
 * locks it holds, and its event counters.
 *
 * <p>Mutated by its own thread's events; also by the parent in {@code threadStart} before the
 * thread runs, and read by a joiner after it terminated. The program's own start/join order
 * those, so no lock of ours is needed.
 */
final class ThreadState {

    final int tid;
    long[] vc;
    long epoch;

    private LockName[] held = new LockName[4];
    private int[] holds = new int[4];
    private int heldCount;
    /** Immutable snapshot of {@link #held}, replaced only when the set changes. */
    LockSet locks = LockSet.EMPTY;

    /**
     * The shadows of the objects this thread touched last, so that a loop over a few arrays or
     * objects skips the shared weak map. Strong references: at most {@link #SHADOW_CACHE}
     * objects per thread stay alive a little longer; a join clears them.
     */
    static final int SHADOW_CACHE = 4; // a power of two: slots are chosen by masking
    final Object[] cachedObjects = new Object[SHADOW_CACHE];
    final ObjectShadow[] cachedShadows = new ObjectShadow[SHADOW_CACHE];
    int nextCacheSlot;

    void clearShadowCache() {
        Arrays.fill(cachedObjects, null);
        Arrays.fill(cachedShadows, null);
    }

    /** This thread's event counts, alone on their cache lines (other threads' hot state is near). */
    final Counters counts = new Counters();

    /**
     * Written only by the owning thread's events; read (approximately, while events arrive)
     * by the totals. Padded so the increments do not invalidate other threads' cache lines.
     */
    static final class Counters {
        long p00, p01, p02, p03, p04, p05, p06, p07;
        long accesses;
        long syncEvents;
        long p10, p11, p12, p13, p14, p15, p16, p17;
    }

    ThreadState(int tid) {
        this.tid = tid;
        this.vc = new long[tid + 1];
        vc[tid] = 1;
        this.epoch = Epoch.make(tid, 1);
    }

    /** {@code C_t[t]++}. */
    void tick() {
        long c = vc[tid];
        if (c < Epoch.MAX_CLOCK) vc[tid] = ++c;
        epoch = Epoch.make(tid, c);
    }

    /** {@code C_t ⊔= other}. */
    void join(long[] other) {
        if (other == null) return;
        vc = VectorClocks.join(vc, other);
        epoch = Epoch.make(tid, vc[tid]);
    }

    /** Counts a hold of {@code lock} (reentrant: a lock appears once in the snapshot). */
    void acquired(LockName lock) {
        for (int i = 0; i < heldCount; i++) {
            if (held[i] == lock) {
                holds[i]++;
                return;
            }
        }
        if (heldCount == held.length) {
            held = Arrays.copyOf(held, heldCount * 2);
            holds = Arrays.copyOf(holds, heldCount * 2);
        }
        held[heldCount] = lock;
        holds[heldCount] = 1;
        heldCount++;
        locks = locks.with(lock);
    }

    /** Drops one hold of {@code lock}; false when it was not held (nothing changes then). */
    boolean released(LockName lock) {
        for (int i = 0; i < heldCount; i++) {
            if (held[i] == lock) {
                if (--holds[i] == 0) {
                    System.arraycopy(held, i + 1, held, i, heldCount - i - 1);
                    System.arraycopy(holds, i + 1, holds, i, heldCount - i - 1);
                    heldCount--;
                    held[heldCount] = null;
                    locks = locks.without(lock);
                }
                return true;
            }
        }
        return false;
    }

    /** How many times {@code lock} is held (0 when not held). */
    int holdCount(LockName lock) {
        for (int i = 0; i < heldCount; i++) {
            if (held[i] == lock) return holds[i];
        }
        return 0;
    }
}
