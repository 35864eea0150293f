package programs;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counter guarded by a ReentrantLock taken every way there is: lock, lockInterruptibly
 * (through the Lock interface), a spinning tryLock, a timed tryLock, and reentrantly.
 */
public final class LockReentrantCounter {
    private final ReentrantLock lock = new ReentrantLock();
    private final Lock asLock = lock;
    private int count;
    private int nested;

    void incrementEveryWay() throws InterruptedException {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();
        }
        asLock.lockInterruptibly();
        try {
            count++;
        } finally {
            asLock.unlock();
        }
        while (!lock.tryLock()) {
            Thread.onSpinWait();
        }
        try {
            count++;
        } finally {
            lock.unlock();
        }
        if (!asLock.tryLock(30, TimeUnit.SECONDS)) throw new IllegalStateException("lock not free in 30 s");
        try {
            count++;
            lock.lock();
            try {
                nested++;
            } finally {
                lock.unlock();
            }
            count++; // still held once
        } finally {
            lock.unlock();
        }
    }

    void work() {
        try {
            for (int i = 0; i < 300; i++) incrementEveryWay();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        LockReentrantCounter counter = new LockReentrantCounter();
        Thread a = new Thread(counter::work, "counter-a");
        Thread b = new Thread(counter::work, "counter-b");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("count=" + counter.count + " nested=" + counter.nested);
    }
}
