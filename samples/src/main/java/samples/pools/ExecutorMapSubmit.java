package samples.pools;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import samples.Verdict;

/**
 * Python's ThreadPoolExecutor in Java: a fixed pool ({@code max_workers}), {@code submit} for one
 * task, {@code invokeAll} for "map" (results in input order). Each task builds its own result;
 * the futures hand them back safely.
 */
@Verdict(topics = 24, title = "ExecutorService: submit, invokeAll as map, max workers")
public class ExecutorMapSubmit {

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3); // max_workers = 3
        try {
            Future<String> one = pool.submit(() -> "submitted on " + Thread.currentThread().getName());
            System.out.println(one.get());

            List<Callable<Integer>> squares = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                int n = i;
                squares.add(() -> n * n);
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(squares)) { // "map": same order as the input
                results.add(f.get());
            }
            System.out.println("squares: " + results);
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
