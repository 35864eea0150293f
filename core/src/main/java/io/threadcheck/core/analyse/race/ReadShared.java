package io.threadcheck.core.analyse.race;

/**
 * A read-shared vector clock: per reading thread its clock at its last read, with that read's
 * site and held locks. Sparse (open addressing by thread id, load at most one half), since
 * thread ids may be large while the readers of one variable are usually few.
 *
 * <p>Updated only under the owning {@link VarState}'s lock. Growing makes a new instance
 * (arrays are final, so a lock-free reader sees one consistent set of arrays). A lock-free
 * reader ({@link #clockOf}) may see a slot half written: it then finds 0 or an older clock of
 * its own, never a wrong thread's clock as its own current one, so at worst it takes the slow
 * path.
 */
final class ReadShared {

    private static final int EMPTY = 0; // tids are stored + 1

    private final int[] tids;
    private final long[] clocks;
    private final int[] sites;
    private final LockSet[] locks;
    private int size;

    private ReadShared(int capacity) {
        tids = new int[capacity];
        clocks = new long[capacity];
        sites = new int[capacity];
        locks = new LockSet[capacity];
    }

    static ReadShared of(int tid1, long clock1, int site1, LockSet locks1,
                         int tid2, long clock2, int site2, LockSet locks2) {
        ReadShared rs = new ReadShared(8);
        rs.set(tid1, clock1, site1, locks1);
        return rs.set(tid2, clock2, site2, locks2);
    }

    private static int mix(int tid) {
        int h = tid * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private int slot(int tid) {
        int[] t = tids;
        int mask = t.length - 1;
        int want = tid + 1;
        int i = mix(tid) & mask;
        for (int probes = 0; probes <= mask; probes++) {
            int k = t[i];
            if (k == want) return i;
            if (k == EMPTY) return -1;
            i = (i + 1) & mask;
        }
        return -1;
    }

    /** Clock of {@code tid}'s last read, or 0; safe without the lock (see class comment). */
    long clockOf(int tid) {
        int i = slot(tid);
        return i < 0 ? 0L : clocks[i];
    }

    /** Records a read; returns this, or a larger copy that replaces it. Under the variable's lock. */
    ReadShared set(int tid, long clock, int site, LockSet held) {
        int i = slot(tid);
        if (i >= 0) {
            sites[i] = site;
            locks[i] = held;
            clocks[i] = clock;
            return this;
        }
        ReadShared target = this;
        if ((size + 1) * 2 > tids.length) {
            target = new ReadShared(tids.length * 2);
            for (int j = 0; j < tids.length; j++) {
                if (tids[j] != EMPTY) target.insert(tids[j] - 1, clocks[j], sites[j], locks[j]);
            }
        }
        target.insert(tid, clock, site, held);
        return target;
    }

    private void insert(int tid, long clock, int site, LockSet held) {
        int mask = tids.length - 1;
        int i = mix(tid) & mask;
        while (tids[i] != EMPTY) i = (i + 1) & mask;
        clocks[i] = clock;
        sites[i] = site;
        locks[i] = held;
        tids[i] = tid + 1;
        size++;
    }

    /**
     * Adds to {@code found} each read not before {@code vc} (one per distinct site): the
     * reads a write with clock {@code vc} races with. Under the variable's lock.
     */
    Pending racesWith(long[] vc, Pending found) {
        for (int i = 0; i < tids.length; i++) {
            int k = tids[i];
            if (k == EMPTY) continue;
            int tid = k - 1;
            if (clocks[i] > (tid < vc.length ? vc[tid] : 0L)) {
                found = Pending.add(found, tid, false, sites[i], locks[i]);
            }
        }
        return found;
    }
}
