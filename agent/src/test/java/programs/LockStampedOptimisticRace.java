package programs;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.StampedLock;

/**
 * An optimistic reader that never validates its stamp: a writer changes the value under the
 * write lock in the meantime, and the reader uses what it read. The read races with the write.
 */
public final class LockStampedOptimisticRace {
    private final StampedLock sl = new StampedLock();
    private int value;
    private int seen;

    // The two threads take turns by watching each other's state: no happens-before.
    void read(Thread writer) {
        long stamp = sl.tryOptimisticRead();
        if (stamp == 0L) throw new IllegalStateException("write-locked at start");
        while (writer.getState() != Thread.State.WAITING) {
            LockSupport.parkNanos(1_000_000); // until the writer has written and parks
        }
        seen = value; // race:unvalidated-read
        LockSupport.unpark(writer);
    }

    void write(Thread reader) {
        while (reader.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait(); // until the reader holds its stamp
        }
        long stamp = sl.writeLock();
        try {
            value = 42; // race:locked-write
        } finally {
            sl.unlockWrite(stamp);
        }
        LockSupport.park();
    }

    public static void main(String[] args) throws InterruptedException {
        LockStampedOptimisticRace race = new LockStampedOptimisticRace();
        Thread[] reader = new Thread[1];
        Thread writer = new Thread(() -> race.write(reader[0]), "stamped-writer");
        reader[0] = new Thread(() -> race.read(writer), "optimistic-reader");
        reader[0].start(); // start:optimistic-reader
        writer.start(); // start:stamped-writer
        reader[0].join();
        writer.join();
        System.out.println("seen=" + race.seen);
    }
}
