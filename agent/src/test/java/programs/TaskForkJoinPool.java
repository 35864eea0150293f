package programs;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;

/**
 * ForkJoinPool as an executor: submit of a Callable and a Runnable, execute and invoke of
 * fork/join tasks, execute of a Runnable read after awaitTermination. The workers run before
 * main writes the input.
 */
public final class TaskForkJoinPool {
    private int input;
    private int a;
    private int b;
    private int c;
    private int d;
    private int e;

    public static void main(String[] args) throws Exception {
        TaskForkJoinPool s = new TaskForkJoinPool();
        ForkJoinPool pool = TaskSupport.forkJoinPool(2, "fj");
        pool.submit(() -> { }).get();
        s.input = 6;

        int fromCallable = pool.submit(() -> s.a = s.input + 1).get();
        int a = s.a;
        pool.submit(() -> { s.b = s.input + 2; }).get();
        int b = s.b;
        RecursiveTask<Integer> executed = new RecursiveTask<>() {
            @Override
            protected Integer compute() {
                return s.c = s.input + 3;
            }
        };
        pool.execute(executed);
        int fromExecuted = executed.join();
        int c = s.c;
        int fromInvoked = pool.invoke(new RecursiveTask<Integer>() {
            @Override
            protected Integer compute() {
                return s.d = s.input + 4;
            }
        });
        int d = s.d;
        pool.execute(() -> { s.e = s.input + 5; });
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) throw new IllegalStateException("pool did not end");
        int e = s.e;
        System.out.println(fromCallable + " " + a + " " + b + " " + fromExecuted + " " + c + " " + fromInvoked + " "
                + d + " " + e);
    }
}
