package samples.locks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import samples.Verdict;

/**
 * The mistake: a counter "guarded" by {@code Semaphore(2)}. Two permits let two threads in at
 * once, so their {@code count++} are unordered: a race. The latch makes both workers hold their
 * permit at the same moment every run (each increments before counting down, so the latch
 * orders neither increment before the other), which makes the race deterministic. The fix is a
 * lock, or {@code Semaphore(1)} (see {@link SemaphorePool} for what semaphores are for).
 */
@Verdict(topics = 12, title = "mistake: a counter guarded by Semaphore(2)",
        races = @Verdict.Race(variable = "samples.locks.SemaphoreCounterRace.count", marker = "count"))
public class SemaphoreCounterRace {

    private static final Semaphore GUARD = new Semaphore(2);
    private static final CountDownLatch BOTH_INSIDE = new CountDownLatch(2);
    private static int count;

    public static void main(String[] args) throws InterruptedException {
        Runnable work = () -> {
            try {
                GUARD.acquire();
                try {
                    count++; // race:count
                    BOTH_INSIDE.countDown();
                    BOTH_INSIDE.await(); // hold the permit until the other worker holds one too
                } finally {
                    GUARD.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread a = new Thread(work, "worker-1");
        Thread b = new Thread(work, "worker-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("count = " + count);
    }
}
