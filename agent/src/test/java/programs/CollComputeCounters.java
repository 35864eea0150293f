package programs;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Four workers count words in a concurrent map (chm or cslm): computeIfAbsent makes each shared
 * counter inside its callback, the workers then use it (its word unlocked, its tallies under
 * its lock); merge and compute keep immutable tallies; on a ConcurrentHashMap, compute also
 * updates a mutable counter in place, which the map's per-key lock orders.
 */
public final class CollComputeCounters {
    public static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "epsilon"};
    static final int WORKERS = 4;
    static final int ROUNDS = 25;

    static final class Counter {
        String word;
        int hits;
        long total;

        Counter(String word) {
            this.word = word;
            this.hits = 0;
            this.total = 0;
        }

        synchronized void add(int n) {
            hits++;
            total += n;
        }

        synchronized String show() {
            return hits + "/" + total;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        boolean chm = args[0].equals("chm");
        ConcurrentMap<String, Counter> counters = chm ? new ConcurrentHashMap<>() : new ConcurrentSkipListMap<>();
        ConcurrentMap<String, Integer> merged = chm ? new ConcurrentHashMap<>() : new ConcurrentSkipListMap<>();
        ConcurrentMap<String, Integer> computed = chm ? new ConcurrentHashMap<>() : new ConcurrentSkipListMap<>();
        ConcurrentMap<String, Counter> inPlace = new ConcurrentHashMap<>();
        long[] lengths = new long[WORKERS];
        Thread[] workers = new Thread[WORKERS];
        for (int w = 0; w < WORKERS; w++) {
            int id = w;
            workers[w] = new Thread(() -> count(id, chm, counters, merged, computed, inPlace, lengths), "worker-" + w);
        }
        for (Thread t : workers) t.start();
        for (Thread t : workers) t.join();
        Map<String, String> out = new TreeMap<>();
        for (String word : WORDS) {
            out.put(word, counters.get(word).show() + " " + merged.get(word) + " " + computed.get(word)
                    + (chm ? " " + inPlace.get(word).hits : ""));
        }
        long length = 0;
        for (long l : lengths) length += l;
        System.out.println(out + " length=" + length);
    }

    static void count(int id, boolean chm, ConcurrentMap<String, Counter> counters, ConcurrentMap<String, Integer> merged,
                      ConcurrentMap<String, Integer> computed, ConcurrentMap<String, Counter> inPlace, long[] lengths) {
        long length = 0;
        for (int r = 0; r < ROUNDS; r++) {
            for (String word : WORDS) {
                Counter c = counters.computeIfAbsent(word, Counter::new);
                c.add(id);
                length += c.word.length(); // written by whichever worker's callback made the counter
                merged.merge(word, 1, Integer::sum);
                computed.compute(word, (k, old) -> old == null ? 1 : old + 1);
                if (chm) {
                    // ConcurrentHashMap runs the callback under the key's lock, once: in-place is safe.
                    inPlace.compute(word, (k, old) -> {
                        Counter x = old == null ? new Counter(k) : old;
                        x.hits++;
                        return x;
                    });
                }
            }
        }
        lengths[id] = length;
    }
}
