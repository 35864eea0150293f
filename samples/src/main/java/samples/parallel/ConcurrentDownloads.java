package samples.parallel;

import java.util.ArrayList;
import java.util.List;
import samples.Verdict;

/**
 * Sequential vs concurrent "downloads" (sleeps standing for network waits): five 100 ms
 * downloads take ~500 ms one after another and ~100 ms in five threads. Each thread stores its
 * result in its own slot; main reads them after join.
 */
@Verdict(topics = 30, title = "concurrent vs sequential downloads, timed")
public class ConcurrentDownloads {

    static String download(String url) {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return url + " (" + url.length() + " bytes)";
    }

    public static void main(String[] args) throws InterruptedException {
        String[] urls = {"u1.example", "u2.example", "u3.example", "u4.example", "u5.example"};
        long t0 = System.nanoTime();
        for (String url : urls) {
            download(url);
        }
        long t1 = System.nanoTime();
        String[] results = new String[urls.length];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < urls.length; i++) {
            int index = i;
            Thread t = new Thread(() -> results[index] = download(urls[index]));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long t2 = System.nanoTime();
        System.out.printf("sequential %d ms, concurrent %d ms; last: %s%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, results[urls.length - 1]);
    }
}
