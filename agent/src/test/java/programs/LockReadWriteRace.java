package programs;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Two threads write under the READ lock of a ReentrantReadWriteLock: readers exclude nothing. */
public final class LockReadWriteRace {
    private final Lock read = new ReentrantReadWriteLock().readLock();
    private int value;

    void update(int v) {
        read.lock();
        try {
            value = v; // race:write-under-read-lock
        } finally {
            read.unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        LockReadWriteRace race = new LockReadWriteRace();
        Thread a = new Thread(() -> race.update(1), "read-locked-writer-1");
        Thread b = new Thread(() -> race.update(2), "read-locked-writer-2");
        a.start(); // start:read-locked-writer-1
        b.start(); // start:read-locked-writer-2
        a.join();
        b.join();
        System.out.println("value set: " + (race.value != 0));
    }
}
