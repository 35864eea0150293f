package io.threadcheck.core.analyse.contention;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Who holds a lock right now, as far as the events tell: the exclusive holder (thread and the
 * site where it took the lock) and, for a read-write lock, how many read holds are out and where
 * the latest was taken. The two sides of a read-write lock share one ownership, so a writer
 * sees the readers and a reader sees the writer.
 *
 * <p>Written by the holder (the exclusive holder while it holds the lock; readers atomically),
 * read by a thread that requests the lock to decide whether it has to wait. The holder is one
 * word, so a requester always sees a consistent (thread, site) pair. A requester may see a
 * release a moment before the program's lock is really free, or miss an acquisition made a
 * moment after it looked: that is the window in which a wait may be missed or a very short one
 * counted.
 */
final class LockOwnership {

    private static final VarHandle HOLDER;
    private static final VarHandle READERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HOLDER = lookup.findVarHandle(LockOwnership.class, "holder", long.class);
            READERS = lookup.findVarHandle(LockOwnership.class, "readers", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code site << 32 | (tid + 1)} of the exclusive holder; 0 when none. */
    @SuppressWarnings("unused") // through HOLDER
    private long holder;
    @SuppressWarnings("unused") // through READERS
    private int readers;
    /** Site of the latest read acquisition (a benign race: any recent reader will do). */
    private int lastReaderSite = -1;

    static long word(int tid, int site) {
        return ((long) site << 32) | ((tid + 1) & 0xFFFFFFFFL);
    }

    /** The holder's thread id in a word, -1 for none. */
    static int holderTid(long word) {
        return (int) word - 1;
    }

    static int holderSite(long word) {
        return (int) (word >>> 32);
    }

    long holder() {
        return (long) HOLDER.getAcquire(this);
    }

    void setHolder(int tid, int site) {
        HOLDER.setRelease(this, word(tid, site));
    }

    void clearHolder() {
        HOLDER.setRelease(this, 0L);
    }

    int readers() {
        return (int) READERS.getAcquire(this);
    }

    int lastReaderSite() {
        return lastReaderSite;
    }

    void readAcquired(int site) {
        READERS.getAndAdd(this, 1);
        lastReaderSite = site;
    }

    void readReleased() {
        READERS.getAndAdd(this, -1);
    }
}
