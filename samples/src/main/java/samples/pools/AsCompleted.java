package samples.pools;

import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import samples.Verdict;

/**
 * Python's {@code as_completed}: an {@link ExecutorCompletionService} returns futures in the
 * order they finish, not the order submitted. A task's exception comes back from
 * {@code get()} wrapped in an {@link ExecutionException}.
 */
@Verdict(topics = 25, title = "ExecutorCompletionService; ExecutionException")
public class AsCompleted {

    public static void main(String[] args) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CompletionService<String> done = new ExecutorCompletionService<>(pool);
        int[] delays = {120, 20, 70};
        for (int d : delays) {
            done.submit(() -> {
                Thread.sleep(d);
                if (d == 70) {
                    throw new IllegalStateException("task " + d + " failed");
                }
                return "task " + d;
            });
        }
        try {
            for (int i = 0; i < delays.length; i++) {
                Future<String> f = done.take(); // the next one to finish
                try {
                    System.out.println("completed: " + f.get());
                } catch (ExecutionException e) {
                    System.out.println("failed: " + e.getCause().getMessage());
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
