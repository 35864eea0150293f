package samples.pools;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import samples.Verdict;

/**
 * Keep the thread count bounded: 40 tasks on a pool of 4 threads (sized to the work, not one
 * thread per task). An atomic gauge records how many ran at once: never more than 4.
 */
@Verdict(topics = 33, title = "fixed pool keeps the thread count bounded")
public class BoundedPool {

    public static void main(String[] args) throws InterruptedException {
        int size = 4;
        ExecutorService pool = Executors.newFixedThreadPool(size);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        for (int i = 0; i < 40; i++) {
            pool.execute(() -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        System.out.println("peak concurrency " + peak.get() + " (pool size " + size + ")");
    }
}
