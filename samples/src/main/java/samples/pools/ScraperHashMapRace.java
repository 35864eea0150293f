package samples.pools;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import samples.Verdict;

/**
 * The mistake: a pool of worker threads takes URLs from a queue and stores each page size in
 * a shared plain {@link HashMap}. Concurrent {@code put}s corrupt a HashMap; threadcheck reports
 * them as a race on the map's contents at the {@code put} line. Each "fetch" takes 50 ms, so
 * every worker gets URLs of its own. See {@link ScraperConcurrentMap}.
 */
@Verdict(topics = 20, title = "mistake: worker pool fills a plain HashMap",
        races = @Verdict.Race(variable = "java.util.HashMap.<contents>", marker = "put"))
public class ScraperHashMapRace {

    static final List<String> URLS = List.of("https://a.example", "https://b.example", "https://c.example",
            "https://d.example", "https://e.example", "https://f.example", "https://g.example", "https://h.example");
    static final String DONE = "";

    /** Simulated download: the page "size" after a network-like delay. */
    static int fetch(String url) {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return url.length() * 100;
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<String> todo = new LinkedBlockingQueue<>(URLS);
        Map<String, Integer> sizes = new HashMap<>(); // the mistake
        Thread[] workers = new Thread[4];
        for (int i = 0; i < workers.length; i++) {
            todo.add(DONE); // one end marker per worker
        }
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(() -> {
                for (String url = todo.poll(); url != null && !url.equals(DONE); url = todo.poll()) {
                    int size = fetch(url);
                    sizes.put(url, size); // race:put
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
