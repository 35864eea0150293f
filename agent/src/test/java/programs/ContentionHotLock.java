package programs;

/**
 * Four threads hammer one synchronized block (the hot lock); now and then each also takes a
 * second, rarely used lock. The hot lock is the one the contention report must put first.
 */
public class ContentionHotLock {

    static final Object HOT = new Object();
    static final Object COLD = new Object();
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
            synchronized (HOT) { // lock:hot
                total += mix(seed, round);
            }
            if (round % 2_000 == 0) {
                synchronized (COLD) { // lock:cold
                    coldTotal++;
                }
            }
        }
    }

    /** A little work inside the critical section, so the threads really queue for it. */
    static long mix(int seed, int round) {
        long x = seed * 31L + round;
        for (int i = 0; i < 200; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return (x >>> 60) & 1;
    }
}
