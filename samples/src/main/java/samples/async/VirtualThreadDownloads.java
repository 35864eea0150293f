package samples.async;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import samples.Verdict;

/**
 * Virtual threads (JDK 21+): blocking code, asyncio's scalability. 1,000 "downloads" of 100 ms
 * each finish in about 100 ms on a handful of carrier threads. The samples compile for Java 17,
 * so the JDK 21 API is reached by reflection; the runner runs this sample on JDK 25 only.
 */
@Verdict(topics = 36, title = "virtual threads: a thread per download (JDK 21+)", minJava = 21)
public class VirtualThreadDownloads {

    public static void main(String[] args) throws Exception {
        ExecutorService perTask;
        try {
            perTask = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (NoSuchMethodException e) {
            System.out.println("virtual threads need JDK 21+; this is " + Runtime.version());
            return;
        }
        long start = System.nanoTime();
        List<Future<Integer>> pages = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                int n = i;
                pages.add(perTask.submit(() -> {
                    Thread.sleep(100); // blocking is cheap on a virtual thread
                    return n;
                }));
            }
            long sum = 0;
            for (Future<Integer> f : pages) {
                sum += f.get();
            }
            System.out.printf("1000 downloads in %d ms, checksum %d%n", (System.nanoTime() - start) / 1_000_000, sum);
        } finally {
            perTask.shutdown();
        }
    }
}
