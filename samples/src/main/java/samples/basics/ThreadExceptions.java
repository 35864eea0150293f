package samples.basics;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import samples.Verdict;

/**
 * An exception thrown in a plain thread kills only that thread; main never sees it unless an
 * {@link Thread.UncaughtExceptionHandler} records it. With an executor the exception is kept in
 * the Future and rethrown by {@code get()} as an {@link ExecutionException}.
 */
@Verdict(topics = 32, title = "UncaughtExceptionHandler; ExecutionException from Future.get()")
public class ThreadExceptions {

    public static void main(String[] args) throws InterruptedException {
        // The handler runs on the failing thread; an AtomicReference hands the error to main.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            throw new IllegalStateException("boom in a thread");
        }, "failing");
        t.setUncaughtExceptionHandler((thread, e) -> failure.set(e));
        t.start();
        t.join();
        System.out.println("handler saw: " + failure.get().getMessage());

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> f = pool.submit(() -> Integer.parseInt("not a number"));
            f.get();
        } catch (ExecutionException e) {
            System.out.println("Future.get() rethrew: " + e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
