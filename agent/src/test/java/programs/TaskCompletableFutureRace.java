package programs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Joining a stage orders that stage, not the stages that depend on it: main joins the source
 * and reads a field that a later, never joined, dependent stage writes.
 */
public final class TaskCompletableFutureRace {
    private int late;

    void lateStage() {
        TaskSupport.sleep(300);
        late = 1; // race:late-write
    }

    public static void main(String[] args) throws Exception {
        TaskCompletableFutureRace s = new TaskCompletableFutureRace();
        ExecutorService pool = Executors.newFixedThreadPool(1, TaskSupport.named("cf"));
        CompletableFuture<Integer> source = CompletableFuture.supplyAsync(() -> 1, pool); // start:cf-1
        source.thenRunAsync(s::lateStage, pool);
        int value = source.join();
        TaskSupport.sleep(600);
        int seen = s.late; // race:late-read
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) throw new IllegalStateException("pool did not end");
        System.out.println("value=" + value);
        System.out.println("seen=" + seen);
    }
}
