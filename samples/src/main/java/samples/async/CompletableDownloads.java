package samples.async;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import samples.Verdict;

/**
 * Python's asyncio for I/O: in Java, compose {@link CompletableFuture}s. Each download runs
 * asynchronously, {@code thenApply} transforms its result, {@code allOf} waits for all; no
 * thread blocks on an individual download, and results flow through the futures.
 */
@Verdict(topics = 36, title = "CompletableFuture: async downloads composed")
public class CompletableDownloads {

    static String download(String url) {
        try {
            Thread.sleep(80);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "<html>" + url + "</html>";
    }

    public static void main(String[] args) {
        List<String> urls = List.of("a.example", "b.example", "c.example");
        List<CompletableFuture<Integer>> sizes = urls.stream()
                .map(u -> CompletableFuture.supplyAsync(() -> download(u)).thenApply(String::length))
                .collect(Collectors.toList());
        CompletableFuture.allOf(sizes.toArray(new CompletableFuture<?>[0])).join();
        int total = sizes.stream().mapToInt(CompletableFuture::join).sum();
        System.out.println("downloaded " + urls.size() + " pages, " + total + " chars");
    }
}
