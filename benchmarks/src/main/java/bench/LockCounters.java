package bench;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock-heavy kernel for the contention profiler: threads add to counters, every addition
 * under a lock, alternately a monitor ({@code synchronized}) and a ReentrantLock, each counter
 * with its own lock. {@code work} sets how much computing each critical section does (0: the
 * bare lock operations, the worst case for any lock instrumentation). Prints a checksum that does
 * not depend on the interleaving.
 *
 * <p>Arguments: threads, rounds per thread, work per critical section, counters.
 */
public final class LockCounters {

    static final class Counter {
        long value;
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = arg(args, 0, 4);
        int rounds = arg(args, 1, 1_000_000);
        int work = arg(args, 2, 20);
        int counters = arg(args, 3, 16);
        Counter[] monitored = new Counter[counters];
        ReentrantLock[] locks = new ReentrantLock[counters];
        long[] locked = new long[counters];
        for (int i = 0; i < counters; i++) {
            monitored[i] = new Counter();
            locks[i] = new ReentrantLock();
        }
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long seed = 0x9E3779B97F4A7C15L * (t + 1);
            ts[t] = new Thread(() -> {
                long x = seed;
                for (int r = 0; r < rounds; r++) {
                    x = next(x);
                    int i = (int) ((x >>> 33) % counters);
                    if ((r & 1) == 0) {
                        Counter c = monitored[i];
                        synchronized (c) {
                            c.value += mix(x, work);
                        }
                    } else {
                        ReentrantLock lock = locks[i];
                        lock.lock();
                        try {
                            locked[i] += mix(x, work);
                        } finally {
                            lock.unlock();
                        }
                    }
                }
            }, "counter-" + t);
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        long checksum = 0;
        for (int i = 0; i < counters; i++) {
            synchronized (monitored[i]) {
                checksum += monitored[i].value;
            }
            locks[i].lock();
            try {
                checksum += locked[i];
            } finally {
                locks[i].unlock();
            }
        }
        System.out.println("checksum " + checksum);
    }

    private static long next(long x) {
        return x * 6364136223846793005L + 1442695040888963407L;
    }

    /** {@code work} steps of a generator: the computing a critical section does. */
    private static long mix(long x, int work) {
        for (int k = 0; k < work; k++) x = next(x);
        return x >>> 48;
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
