package samples.parallel;

import samples.Verdict;

/**
 * Python's GIL lets only one thread run Python code at a time, so threads speed up I/O-bound
 * work but not CPU-bound work. Java has no GIL: both speed up with threads (CPU-bound up to the
 * number of cores). Timings are printed, not checked; each thread keeps its partial result in
 * its own array slot, read after join.
 */
@Verdict(topics = 22, title = "no GIL: CPU-bound and I/O-bound speed-up with threads")
public class CpuVsIo {

    static long cpuWork(int from, int to) {
        long primes = 0;
        for (int n = from; n < to; n++) {
            boolean prime = n > 1;
            for (int d = 2; (long) d * d <= n && prime; d++) {
                prime = n % d != 0;
            }
            primes += prime ? 1 : 0;
        }
        return primes;
    }

    static long ioWork(int from, int to) {
        try {
            Thread.sleep(40); // stands for a network call
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return to - from;
    }

    interface Work {
        long run(int from, int to);
    }

    static long timed(String label, int threads, Work work) throws InterruptedException {
        int total = 200_000;
        long[] partial = new long[threads];
        Thread[] ts = new Thread[threads];
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            int index = i;
            int chunk = total / threads;
            ts[i] = new Thread(() -> partial[index] = work.run(index * chunk, (index + 1) * chunk));
            ts[i].start();
        }
        long sum = 0;
        for (int i = 0; i < threads; i++) {
            ts[i].join();
            sum += partial[i];
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%-4s %d thread(s): %4d ms (result %d)%n", label, threads, ms, sum);
        return ms;
    }

    public static void main(String[] args) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        timed("cpu", 1, CpuVsIo::cpuWork);
        timed("cpu", cores, CpuVsIo::cpuWork);
        timed("io", 1, CpuVsIo::ioWork);
        timed("io", 8, CpuVsIo::ioWork); // 8 "requests" wait at the same time
    }
}
