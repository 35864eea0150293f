package samples.pools;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import samples.Verdict;

/**
 * The fix for {@link ScraperHashMapRace}: a {@link ConcurrentHashMap} is built for concurrent
 * {@code put}s, and main reads it after joining the workers.
 */
@Verdict(topics = 20, title = "fix: worker pool fills a ConcurrentHashMap")
public class ScraperConcurrentMap {

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<String> todo = new LinkedBlockingQueue<>(ScraperHashMapRace.URLS);
        Map<String, Integer> sizes = new ConcurrentHashMap<>();
        Thread[] workers = new Thread[4];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(() -> {
                for (String url = todo.poll(); url != null; url = todo.poll()) {
                    sizes.put(url, ScraperHashMapRace.fetch(url));
                }
            }, "scraper-" + i);
            workers[i].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.println(sizes.size() + " pages fetched");
    }
}
