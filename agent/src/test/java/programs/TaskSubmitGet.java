package programs;

import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * ExecutorService.submit of a Callable, a Runnable and a Runnable with a result, and a
 * FutureTask of the program's own handed to execute; the results are read after get, a timed
 * get that returns, and an isDone loop. Workers run before main writes the input.
 */
public final class TaskSubmitGet {
    private int input;
    private int a;
    private int b;
    private int c;
    private int d;
    private int e;

    public static void main(String[] args) throws Exception {
        TaskSubmitGet s = new TaskSubmitGet();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                TaskSupport.named("submit"));
        pool.prestartAllCoreThreads();
        s.input = 20;

        Future<Integer> callable = pool.submit(() -> s.a = s.input + 1);
        int fromCallable = callable.get();
        int a = s.a;

        Future<?> runnable = pool.submit(() -> { s.b = s.input + 2; });
        runnable.get();
        int b = s.b;

        Future<String> withResult = pool.submit(() -> { s.c = s.input + 3; }, "done");
        String result = withResult.get(1, TimeUnit.MINUTES);
        int c = s.c;

        Future<?> polled = pool.submit(() -> { s.d = s.input + 4; });
        while (!polled.isDone()) Thread.onSpinWait();
        int d = s.d;

        FutureTask<Integer> own = new FutureTask<>(() -> s.e = s.input + 5);
        pool.execute(own);
        int fromOwn = own.get();
        int e = s.e;

        pool.shutdown();
        System.out.println(fromCallable + " " + a + " " + b + " " + result + " " + c + " " + d + " " + fromOwn + " " + e);
    }
}
