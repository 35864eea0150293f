package programs;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/**
 * A point guarded by a StampedLock, used every way it allows, all correctly: movers keep
 * {@code x == y} through write stamps, timed and converted stamps and the write view; readers
 * check it through read stamps, the read views and optimistic reads. Then two optimistic
 * readers whose outcome is fixed: one validates (and a writer comes after it), one fails
 * validation (a writer came between) and falls back to the read lock.
 */
public final class LockStampedPoint {
    static final int ROUNDS = 200;

    private final StampedLock sl = new StampedLock();
    private double x;
    private double y;
    private volatile boolean inconsistent;
    private double validatedSum;
    private boolean failedValidation;
    private double fallbackX;

    void move(int round) {
        switch (round % 5) {
            case 0 -> {
                long s = sl.writeLock();
                try {
                    x++;
                    y++;
                } finally {
                    sl.unlockWrite(s);
                }
            }
            case 1 -> {
                long s;
                try {
                    s = sl.tryWriteLock(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                if (s == 0L) throw new IllegalStateException("write lock not free in 30 s");
                try {
                    x++;
                    y++;
                } finally {
                    sl.unlock(s);
                }
            }
            case 2 -> {
                Lock w = sl.asWriteLock();
                w.lock();
                try {
                    x++;
                    y++;
                } finally {
                    w.unlock();
                }
            }
            case 3 -> {
                // Upgrade a read stamp, or start over with a write stamp.
                long s = sl.readLock();
                try {
                    long ws = sl.tryConvertToWriteLock(s);
                    if (ws == 0L) {
                        sl.unlockRead(s);
                        s = sl.writeLock();
                    } else {
                        s = ws;
                    }
                    x++;
                    y++;
                } finally {
                    sl.unlock(s);
                }
            }
            default -> {
                // Downgrade: write, then read what was written under the converted read stamp.
                long s = sl.writeLock();
                x++;
                y++;
                s = sl.tryConvertToReadLock(s);
                try {
                    if (x != y) inconsistent = true;
                } finally {
                    sl.unlockRead(s);
                }
            }
        }
    }

    void mover() {
        for (int i = 0; i < ROUNDS; i++) move(i);
    }

    void check(double cx, double cy) {
        if (cx != cy) inconsistent = true;
    }

    void look(int round) {
        switch (round % 4) {
            case 0 -> {
                long s = sl.readLock();
                try {
                    check(x, y);
                } finally {
                    sl.unlockRead(s);
                }
            }
            case 1 -> {
                Lock r = (round % 8 == 1 ? sl.asReadLock() : sl.asReadWriteLock().readLock());
                r.lock();
                try {
                    check(x, y);
                } finally {
                    r.unlock();
                }
            }
            case 2 -> {
                long s = sl.tryReadLock();
                if (s == 0L) s = sl.readLock();
                try {
                    check(x, y);
                } finally {
                    sl.unlock(s);
                }
            }
            default -> {
                long s = sl.tryOptimisticRead();
                double cx = x;
                double cy = y;
                if (!sl.validate(s)) {
                    s = sl.readLock();
                    try {
                        cx = x;
                        cy = y;
                    } finally {
                        sl.unlockRead(s);
                    }
                }
                check(cx, cy);
            }
        }
    }

    void reader() {
        for (int i = 0; i < ROUNDS; i++) look(i);
    }

    // --- an optimistic read that validates; a writer comes after it ---

    void validatingReader() {
        long s = sl.tryOptimisticRead();
        double cx = x;
        double cy = y;
        if (sl.validate(s)) validatedSum = cx + cy;
        SyncStates.pause(300); // the late writer writes now
    }

    void lateWriter(Thread reader) {
        SyncStates.awaitState(reader, Thread.State.TIMED_WAITING);
        long s = sl.writeLock();
        try {
            x = 100;
            y = 100;
        } finally {
            sl.unlockWrite(s);
        }
    }

    // --- an optimistic read that a writer overlaps: validation fails ---

    void failingReader(CountDownLatch doneReading) {
        // No synchronisation between the stamp and its validation: that would end the section.
        long s = sl.tryOptimisticRead();
        while (!sl.isWriteLocked()) {
            Thread.onSpinWait();
        }
        double cx = x; // may see the writer's value or not: validate says no
        failedValidation = !sl.validate(s);
        doneReading.countDown();
        if (failedValidation) {
            s = sl.readLock();
            try {
                cx = x;
            } finally {
                sl.unlockRead(s);
            }
        }
        fallbackX = cx;
    }

    void overlappingWriter(CountDownLatch doneReading) {
        long s = sl.writeLock();
        try {
            x = 200;
            y = 200;
            doneReading.await(); // keep the write lock until the reader has looked
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            sl.unlockWrite(s);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        LockStampedPoint p = new LockStampedPoint();
        Thread[] threads = {
                new Thread(p::mover, "mover-1"), new Thread(p::mover, "mover-2"),
                new Thread(p::reader, "reader-1"), new Thread(p::reader, "reader-2")};
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        System.out.println("x=" + p.x + " y=" + p.y + " consistent=" + !p.inconsistent);

        Thread validating = new Thread(p::validatingReader, "validating-reader");
        Thread late = new Thread(() -> p.lateWriter(validating), "late-writer");
        validating.start();
        late.start();
        validating.join();
        late.join();
        System.out.println("validated-sum=" + p.validatedSum + " then x=" + p.x);

        CountDownLatch doneReading = new CountDownLatch(1);
        Thread failing = new Thread(() -> p.failingReader(doneReading), "failing-reader");
        Thread overlapping = new Thread(() -> p.overlappingWriter(doneReading), "overlapping-writer");
        failing.start();
        overlapping.start();
        failing.join();
        overlapping.join();
        System.out.println("validation-failed=" + p.failedValidation + " fallback-x=" + p.fallbackX);
    }
}
