package programs;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A writer that holds a read-write lock's write side for a millisecond at a time, and two readers
 * that keep reading: the readers wait for the writer, and the read side blames the write site.
 */
public class ContentionReadWrite {

    static final ReentrantReadWriteLock RW = new ReentrantReadWriteLock();
    static volatile boolean done;
    static long value;

    public static void main(String[] args) throws InterruptedException {
        Thread[] readers = new Thread[2];
        long[] seen = new long[2];
        for (int i = 0; i < readers.length; i++) {
            int me = i;
            readers[i] = new Thread(() -> seen[me] = read(), "reader-" + i);
            readers[i].start();
        }
        for (int i = 0; i < 20; i++) {
            RW.writeLock().lock(); // lock:write
            try {
                value++;
                Thread.sleep(1);
            } finally {
                RW.writeLock().unlock();
            }
            Thread.sleep(1);
        }
        done = true;
        for (Thread r : readers) {
            r.join();
        }
        System.out.println("value=" + value + " read=" + (seen[0] > 0 && seen[1] > 0));
    }

    static long read() {
        long reads = 0;
        while (!done) {
            RW.readLock().lock(); // lock:read
            try {
                if (value >= 0) reads++;
            } finally {
                RW.readLock().unlock();
            }
        }
        return reads;
    }
}
