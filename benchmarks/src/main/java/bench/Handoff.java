package bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A synchronisation-heavy kernel for the library models: producers hand records to consumers
 * through a blocking queue; consumers count them in a ConcurrentHashMap and in a HashMap under
 * a ReentrantLock; the whole runs as executor tasks joined through futures. Correctly
 * synchronised: threadcheck must report nothing. Prints a checksum.
 *
 * <p>Arguments: records per producer, producer/consumer pairs.
 */
public final class Handoff {

    static final class Record {
        final int key;
        int weight;

        Record(int key) {
            this.key = key;
        }
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        BlockingQueue<Record> queue = new ArrayBlockingQueue<>(1024);
        ConcurrentHashMap<Integer, Long> totals = new ConcurrentHashMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        ReentrantLock countsLock = new ReentrantLock();
        Record poison = new Record(-1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * pairs);
        Future<?>[] done = new Future<?>[2 * pairs];
        for (int p = 0; p < pairs; p++) {
            int seed = p;
            done[p] = pool.submit(() -> {
                for (int i = 0; i < records; i++) {
                    Record r = new Record((i * 31 + seed) % 97);
                    r.weight = i % 7;
                    queue.put(r);
                }
                queue.put(poison);
                return null;
            });
            done[pairs + p] = pool.submit(() -> {
                for (Record r = queue.take(); r != poison; r = queue.take()) {
                    totals.merge(r.key, (long) r.weight, Long::sum);
                    countsLock.lock();
                    try {
                        counts.merge(r.key, 1, Integer::sum);
                    } finally {
                        countsLock.unlock();
                    }
                }
                return null;
            });
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        long checksum = 0;
        for (Map.Entry<Integer, Long> e : totals.entrySet()) checksum += e.getKey() * e.getValue();
        countsLock.lock();
        try {
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) checksum += e.getValue();
        } finally {
            countsLock.unlock();
        }
        System.out.println("checksum " + checksum);
    }
}
