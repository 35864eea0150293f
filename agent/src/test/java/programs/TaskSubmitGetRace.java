package programs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A result read after a timed-out Future.get: the get returned by timing out, which orders
 * nothing, so the read races with the task's later write.
 */
public final class TaskSubmitGetRace {
    private int result;

    public static void main(String[] args) throws Exception {
        TaskSubmitGetRace s = new TaskSubmitGetRace();
        ExecutorService pool = Executors.newFixedThreadPool(1, TaskSupport.named("submit"));
        Future<?> task = pool.submit(() -> { // start:submit-1
            TaskSupport.sleep(400);
            s.result = 42; // race:result-write
        });
        boolean timedOut = false;
        try {
            task.get(50, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            timedOut = true;
        }
        int seen = s.result; // race:result-read
        task.get();
        pool.shutdown();
        System.out.println("timed-out=" + timedOut);
        System.out.println("seen=" + seen);
    }
}
