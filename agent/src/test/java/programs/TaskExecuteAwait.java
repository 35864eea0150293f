package programs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Executor.execute hands data to already running workers, and the pool's end hands their
 * results back: close() (JDK 19+) or shutdown + awaitTermination, a wrapped single-thread
 * executor, and polling isTerminated(). The workers are started before main writes, so only
 * the executor's own edges order the accesses.
 */
public final class TaskExecuteAwait {
    private final int[] input = new int[4];
    private final int[] output = new int[4];
    private int single;
    private int polled;

    public static void main(String[] args) throws Exception {
        TaskExecuteAwait s = new TaskExecuteAwait();

        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                TaskSupport.named("exec"));
        pool.prestartAllCoreThreads();
        for (int i = 0; i < 4; i++) s.input[i] = i + 1;
        for (int i = 0; i < 4; i++) {
            int k = i;
            pool.execute(() -> s.output[k] = s.input[k] * 10);
        }
        TaskSupport.finish(pool);
        int sum = 0;
        for (int v : s.output) sum += v;

        // newSingleThreadExecutor wraps its pool: awaitTermination goes through the wrapper.
        ExecutorService one = Executors.newSingleThreadExecutor(TaskSupport.named("single"));
        one.submit(() -> { }).get();   // its worker runs before main writes below
        s.input[0] = 100;
        one.execute(() -> s.single = s.input[0] + 1);
        one.shutdown();
        if (!one.awaitTermination(1, TimeUnit.MINUTES)) throw new IllegalStateException("single did not end");

        ThreadPoolExecutor polling = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                TaskSupport.named("polled"));
        polling.prestartAllCoreThreads();
        s.input[1] = 200;
        polling.execute(() -> s.polled = s.input[1] + 2);
        polling.shutdown();
        while (!polling.isTerminated()) Thread.sleep(1);

        System.out.println("sum=" + sum + " single=" + s.single + " polled=" + s.polled);
    }
}
