package programs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A task still running when awaitTermination gives up: a timed-out awaitTermination orders
 * nothing, so main's read of the task's result races with the task's write.
 */
public final class TaskExecuteAwaitRace {
    private int result;

    public static void main(String[] args) throws Exception {
        TaskExecuteAwaitRace s = new TaskExecuteAwaitRace();
        ExecutorService pool = Executors.newFixedThreadPool(1, TaskSupport.named("exec"));
        pool.execute(() -> { // start:exec-1
            TaskSupport.sleep(400);
            s.result = 42; // race:result-write
        });
        pool.shutdown();
        boolean terminated = pool.awaitTermination(50, TimeUnit.MILLISECONDS);
        int seen = s.result; // race:result-read
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) throw new IllegalStateException("pool did not end");
        System.out.println("terminated-in-time=" + terminated);
        System.out.println("seen=" + seen);
    }
}
