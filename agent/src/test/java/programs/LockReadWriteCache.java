package programs;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A ReentrantReadWriteLock used as it should be: one writer updates a version and its data
 * under the write lock (plain, tryLock, and once downgrading to the read lock), two readers
 * read them together under the read lock (plain and timed tryLock). Readers see a consistent
 * snapshot every time.
 */
public final class LockReadWriteCache {
    static final int UPDATES = 300;

    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Lock read = rw.readLock();
    private final Lock write = rw.writeLock();
    private int version;
    private final int[] data = new int[4];
    private int downgradedSeen;
    private volatile boolean inconsistent;

    void writer() {
        for (int v = 1; v <= UPDATES; v++) {
            Lock w = write;
            if (v % 2 == 0) {
                while (!w.tryLock()) {
                    Thread.onSpinWait();
                }
            } else {
                w.lock();
            }
            try {
                version = v;
                for (int k = 0; k < data.length; k++) data[k] = v * (k + 1);
            } finally {
                w.unlock();
            }
        }
        write.lock();
        version++;
        for (int k = 0; k < data.length; k++) data[k] = version * (k + 1);
        read.lock(); // downgrade: take the read lock, then give the write lock up
        write.unlock();
        try {
            downgradedSeen = version;
        } finally {
            read.unlock();
        }
    }

    void reader() {
        try {
            for (int i = 0; i < UPDATES; i++) {
                if (i % 2 == 0) {
                    read.lock();
                } else if (!read.tryLock(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("read lock not free in 30 s");
                }
                try {
                    int v = version;
                    for (int k = 0; k < data.length; k++) {
                        if (data[k] != v * (k + 1)) inconsistent = true;
                    }
                } finally {
                    read.unlock();
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        LockReadWriteCache cache = new LockReadWriteCache();
        Thread w = new Thread(cache::writer, "rw-writer");
        Thread r1 = new Thread(cache::reader, "rw-reader-1");
        Thread r2 = new Thread(cache::reader, "rw-reader-2");
        r1.start();
        w.start();
        r2.start();
        w.join();
        r1.join();
        r2.join();
        System.out.println("version=" + cache.version + " downgraded=" + cache.downgradedSeen
                + " consistent=" + !cache.inconsistent);
    }
}
