package programs;

import java.util.Collections;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A producer adds plain items to a concurrent collection while a consumer traverses it again
 * and again (forEach, a stream, toArray, removeIf, a loop over an unmodifiable view: the kind
 * is the argument) until one pass has
 * seen them all, reading every item in the traversal's callback. Items added during a pass are
 * read by its callback too; the collection orders each before its reading.
 */
public final class CollTraversals {
    public static final int ITEMS = 60;

    static final class Item {
        int id;
        int weight;

        Item(int id) {
            this.id = id;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String kind = args[0];
        Map<Integer, Item> map = kind.startsWith("cslm") ? new ConcurrentSkipListMap<>() : new ConcurrentHashMap<>();
        Queue<Item> queue = kind.startsWith("lbq") ? new LinkedBlockingQueue<>()
                : kind.startsWith("cowal") ? null : new ConcurrentLinkedQueue<>();
        CopyOnWriteArrayList<Item> list = new CopyOnWriteArrayList<>();
        long[] result = new long[1];
        Thread producer = new Thread(() -> produce(kind, map, queue, list), "producer");
        Thread consumer = new Thread(() -> result[0] = consume(kind, map, queue, list), "consumer");
        consumer.start();
        producer.start();
        producer.join();
        consumer.join();
        System.out.println("kind=" + kind + " weight=" + result[0]);
    }

    static void produce(String kind, Map<Integer, Item> map, Queue<Item> queue, CopyOnWriteArrayList<Item> list) {
        for (int i = 0; i < ITEMS; i++) {
            Item item = new Item(i);
            item.weight = i + 1;
            if (kind.startsWith("chm") || kind.startsWith("cslm")) map.put(i, item);
            else if (kind.startsWith("cowal")) list.add(item);
            else queue.add(item);
            if (i % 4 == 0) pause(); // so that passes overlap insertions
        }
    }

    static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Traverses until a pass sees every item; returns that pass's total weight. */
    static long consume(String kind, Map<Integer, Item> map, Queue<Item> queue, CopyOnWriteArrayList<Item> list) {
        while (true) {
            long[] pass = new long[2]; // count, weight
            switch (kind) {
                case "chm-foreach": case "cslm-foreach":
                    map.forEach((k, item) -> {
                        pass[0]++;
                        pass[1] += item.weight;
                    });
                    break;
                case "chm-values-stream": case "cslm-values-stream":
                    pass[1] = map.values().stream().mapToLong(item -> {
                        pass[0]++;
                        return item.weight;
                    }).sum();
                    break;
                case "chm-entry-stream":
                    pass[1] = map.entrySet().stream().mapToLong(e -> {
                        pass[0]++;
                        return e.getValue().weight;
                    }).sum();
                    break;
                case "chm-unmodifiable-entries":
                    // a plain loop: each entry (an unmodifiable wrapper's) is acquired by next()
                    for (Map.Entry<Integer, Item> e : Collections.unmodifiableMap(map).entrySet()) {
                        pass[0]++;
                        pass[1] += e.getValue().weight;
                    }
                    break;
                case "chm-removeif":
                    // removes nothing; the predicate reads each entry's item
                    map.entrySet().removeIf(e -> {
                        pass[0]++;
                        pass[1] += e.getValue().weight;
                        return false;
                    });
                    break;
                case "clq-foreach": case "lbq-foreach":
                    queue.forEach(item -> {
                        pass[0]++;
                        pass[1] += item.weight;
                    });
                    break;
                case "clq-toarray":
                    for (Object o : queue.toArray()) {
                        pass[0]++;
                        pass[1] += ((Item) o).weight;
                    }
                    break;
                case "cowal-foreach":
                    list.forEach(item -> {
                        pass[0]++;
                        pass[1] += item.weight;
                    });
                    break;
                default:
                    throw new IllegalArgumentException(kind);
            }
            if (pass[0] == ITEMS) return pass[1];
            Thread.yield();
        }
    }
}
