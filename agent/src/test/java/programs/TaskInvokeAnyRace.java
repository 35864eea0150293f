package programs;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * invokeAny orders only the winning task before its return: the losing task, cancelled and
 * interrupted, still writes a field that main reads afterwards.
 */
public final class TaskInvokeAnyRace {
    private int late;

    public static void main(String[] args) throws Exception {
        TaskInvokeAnyRace s = new TaskInvokeAnyRace();
        ExecutorService pool = Executors.newFixedThreadPool(2, TaskSupport.named("any"));
        // The slow task goes first (to any-1); the fast one is submitted when it is still running.
        Callable<String> slow = () -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException cancelled) {
                // invokeAny cancels the loser; it still writes below
            }
            s.late = 1; // race:loser-write
            return "slow";
        };
        Callable<String> fast = () -> "fast";
        String winner = pool.invokeAny(List.of(slow, fast)); // start:any-1
        TaskSupport.sleep(100);
        int seen = s.late; // race:loser-read
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) throw new IllegalStateException("pool did not end");
        System.out.println("winner=" + winner);
        System.out.println("seen=" + seen);
    }
}
