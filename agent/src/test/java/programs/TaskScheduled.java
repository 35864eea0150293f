package programs;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * ScheduledExecutorService: one-shot Callable and Runnable read data written before they were
 * scheduled; periodic tasks (fixed rate, fixed delay) update plain counters run after run, on
 * whichever of the two workers picks them up; main reads the counters after termination.
 */
public final class TaskScheduled {
    private int input;
    private int once;
    private int onceRunnable;
    private int rateRuns;
    private int delayRuns;
    private volatile boolean rateEnough;
    private volatile boolean delayEnough;

    public static void main(String[] args) throws Exception {
        TaskScheduled s = new TaskScheduled();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, TaskSupport.named("sched"));
        pool.prestartAllCoreThreads();
        s.input = 3;

        ScheduledFuture<Integer> callable = pool.schedule(() -> s.once = s.input * 2, 20, TimeUnit.MILLISECONDS);
        int fromCallable = callable.get();
        int once = s.once;
        pool.schedule(() -> { s.onceRunnable = s.input + 1; }, 10, TimeUnit.MILLISECONDS).get();
        int onceRunnable = s.onceRunnable;

        ScheduledFuture<?> rate = pool.scheduleAtFixedRate(() -> {
            s.rateRuns++;
            if (s.rateRuns == 5) s.rateEnough = true;
        }, 0, 3, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> delay = pool.scheduleWithFixedDelay(() -> {
            s.delayRuns++;
            if (s.delayRuns == 5) s.delayEnough = true;
        }, 0, 3, TimeUnit.MILLISECONDS);
        while (!s.rateEnough || !s.delayEnough) Thread.sleep(1);
        rate.cancel(false);
        delay.cancel(false);
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) throw new IllegalStateException("pool did not end");

        System.out.println(fromCallable + " " + once + " " + onceRunnable + " periodic-runs-at-least-5="
                + (s.rateRuns >= 5 && s.delayRuns >= 5));
    }
}
