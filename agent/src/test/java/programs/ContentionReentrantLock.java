package programs;

import java.util.concurrent.locks.ReentrantLock;

/** {@link ContentionHotLock} with ReentrantLocks instead of monitors. */
public class ContentionReentrantLock {

    static final ReentrantLock HOT = new ReentrantLock();
    static final ReentrantLock COLD = new ReentrantLock();
    static final int THREADS = 4;
    static final int ROUNDS = 20_000;

    static long total;
    static long coldTotal;

    public static void main(String[] args) throws InterruptedException {
        Thread[] ts = new Thread[THREADS];
        for (int i = 0; i < THREADS; i++) {
            int seed = i;
            ts[i] = new Thread(() -> hammer(seed), "hammer-" + i);
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        System.out.println("total=" + total + " cold=" + coldTotal);
    }

    static void hammer(int seed) {
        for (int round = 0; round < ROUNDS; round++) {
            HOT.lock(); // lock:hot
            try {
                total += ContentionHotLock.mix(seed, round);
            } finally {
                HOT.unlock();
            }
            if (round % 2_000 == 0) {
                COLD.lock(); // lock:cold
                try {
                    coldTotal++;
                } finally {
                    COLD.unlock();
                }
            }
        }
    }
}
