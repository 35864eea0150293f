package samples.basics;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import samples.Verdict;

/**
 * Getting values back from threads, two ways: each thread writes its own index of a results
 * array and main reads after {@code join()}; or submit a Callable and take the value from its
 * {@link Future}, whose {@code get()} is ordered after the task's completion.
 */
@Verdict(topics = 26, title = "results array by index + join; Future.get()")
public class ReturnValues {

    public static void main(String[] args) throws Exception {
        String[] words = {"alpha", "beta", "gamma"};
        int[] lengths = new int[words.length];
        Thread[] threads = new Thread[words.length];
        for (int i = 0; i < words.length; i++) {
            int index = i;
            threads[i] = new Thread(() -> lengths[index] = words[index].length());
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("lengths via array: " + java.util.Arrays.toString(lengths));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> total = pool.submit(() -> lengths[0] + lengths[1] + lengths[2]);
            System.out.println("total via Future: " + total.get());
        } finally {
            pool.shutdown();
        }
    }
}
