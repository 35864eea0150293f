package programs;

import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * CompletionService: tasks read data written before submit; main reads each task's output once
 * take() or a timed poll() returned its future (a future is queued after it completed), and
 * again after get().
 */
public final class TaskCompletionService {
    private int input;
    private final int[] out = new int[3];
    private int polled;

    public static void main(String[] args) throws Exception {
        TaskCompletionService s = new TaskCompletionService();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                TaskSupport.named("ecs"));
        pool.prestartAllCoreThreads();
        s.input = 4;
        CompletionService<Integer> service = new ExecutorCompletionService<>(pool);
        for (int i = 0; i < 3; i++) {
            int k = i;
            service.submit(() -> {
                s.out[k] = s.input + k;
                return k;
            });
        }
        int taken = 0;
        for (int i = 0; i < 3; i++) {
            Future<Integer> done = service.take();
            int k = done.get();
            taken += s.out[k];
        }
        service.submit(() -> { s.polled = s.input * 10; }, 0);
        Future<Integer> polled = service.poll(1, TimeUnit.MINUTES);
        int polledValue = s.polled;
        polled.get();
        pool.shutdown();
        System.out.println("taken=" + taken + " polled=" + polledValue);
    }
}
