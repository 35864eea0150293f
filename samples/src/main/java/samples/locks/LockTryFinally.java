package samples.locks;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import samples.Verdict;

/**
 * Python's {@code with lock:} in Java: {@code lock()} then try/finally {@code unlock()}, so the
 * lock is released even if the body throws; or a {@code synchronized} block, which does that
 * for you. Both counters are only touched under their lock: clean.
 */
@Verdict(topics = 10, title = "ReentrantLock in try/finally, synchronized")
public class LockTryFinally {

    private final Lock lock = new ReentrantLock();
    private final Object monitor = new Object();
    private int withLock;
    private int withMonitor;

    void increment() {
        lock.lock();
        try {
            withLock++;
        } finally {
            lock.unlock();
        }
        synchronized (monitor) {
            withMonitor++;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        LockTryFinally c = new LockTryFinally();
        Runnable work = () -> {
            for (int i = 0; i < 5000; i++) {
                c.increment();
            }
        };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(c.withLock + " " + c.withMonitor + " (both 10000)");
    }
}
