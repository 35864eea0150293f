package programs;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Scheduling hands over what main wrote before the call, not after: main writes the task's
 * input after scheduling it, and the delayed task reads it.
 */
public final class TaskScheduledRace {
    private int config;

    int readConfig() {
        return config; // race:config-read
    }

    public static void main(String[] args) throws Exception {
        TaskScheduledRace s = new TaskScheduledRace();
        ScheduledExecutorService pool = new ScheduledThreadPoolExecutor(1, TaskSupport.named("sched"));
        ScheduledFuture<Integer> task = pool.schedule(s::readConfig, 300, TimeUnit.MILLISECONDS); // start:sched-1
        s.config = 2; // race:config-write
        int seen = task.get();
        pool.shutdown();
        System.out.println("seen=" + seen);
    }
}
