package programs;

import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * take() orders only the task it returned: main takes the fast task's future and then reads
 * the output of the slow task, which it never took.
 */
public final class TaskCompletionServiceRace {
    private int slowOutput;
    private int fastOutput;

    public static void main(String[] args) throws Exception {
        TaskCompletionServiceRace s = new TaskCompletionServiceRace();
        ExecutorService pool = Executors.newFixedThreadPool(2, TaskSupport.named("ecs"));
        CompletionService<String> service = new ExecutorCompletionService<>(pool);
        service.submit(() -> { // start:ecs-1
            TaskSupport.sleep(400);
            s.slowOutput = 2; // race:slow-write
            return "slow";
        });
        service.submit(() -> { // start:ecs-2
            s.fastOutput = 1;
            return "fast";
        });
        String first = service.take().get();
        int fast = s.fastOutput;
        int seen = s.slowOutput; // race:slow-read
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) throw new IllegalStateException("pool did not end");
        System.out.println("first=" + first + " fast=" + fast);
        System.out.println("seen=" + seen);
    }
}
