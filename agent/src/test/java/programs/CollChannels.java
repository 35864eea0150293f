package programs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Vector;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The collections the Coll hand-off programs pass items through: one {@link Channel} per kind.
 * Producer {@code p} sends items {@code p*perProducer ...}; consumer {@code c} receives, for a
 * queue, whatever it takes until a pill; for a map, the keys of producer {@code c}; for a set or
 * list ("bag"), the items of producer {@code c}, by iterating once all items are in.
 */
public final class CollChannels {

    /** Every kind a Channel exists for. */
    public static final List<String> KINDS = List.of(
            "clq", "cld", "abq", "lbq", "lbq-drain", "lbd", "pbq", "delay", "sync", "ltq",
            "chm", "cslm", "chm-compute", "cslm-compute", "sync-map", "hashtable",
            "cowal", "cowas", "csls", "chm-keyset", "clq-iterate", "sync-list", "vector");

    /** The id of the end-of-stream item sent once per consumer; it sorts after every real item. */
    public static final int PILL = Integer.MAX_VALUE;

    private CollChannels() {}

    /** A mutable item: no field is final, so every access to it is checked. */
    public static final class Item implements Delayed {
        public int id;
        public int a;
        public int b;
        public int late;
        public long readyAt;

        public Item(int id) {
            this.id = id;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(readyAt - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Integer.compare(id, ((Item) o).id);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Item && ((Item) o).id == id;
        }

        @Override
        public int hashCode() {
            return id;
        }
    }

    /** A map key whose equals, hashCode and compareTo read a plain field. */
    public static final class Key implements Comparable<Key> {
        public int id;

        public Key(int id) {
            this.id = id;
        }

        @Override
        public int compareTo(Key o) {
            return Integer.compare(id, o.id);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).id == id;
        }

        @Override
        public int hashCode() {
            return id;
        }
    }

    /** Items from producers to consumers through one collection. */
    public abstract static class Channel {
        final int perProducer;
        final int total;
        final int consumers;

        Channel(int producers, int perProducer, int consumers) {
            this.perProducer = perProducer;
            this.total = producers * perProducer;
            this.consumers = consumers;
        }

        /** Sends {@code item}; returns the object consumers will receive (a compute makes its own). */
        public abstract Item send(Item item) throws InterruptedException;

        /** The next item for consumer {@code c}, or null when it has had all of its items. */
        public abstract Item receive(int c) throws InterruptedException;

        /** Called by main once every producer has ended. */
        public void close() throws InterruptedException {
        }

        int ownerOf(Item item) {
            return item.id / perProducer;
        }
    }

    public static Channel of(String kind, int producers, int perProducer, int consumers) {
        switch (kind) {
            case "clq":
                return new Polled(producers, perProducer, consumers, new ConcurrentLinkedQueue<>());
            case "cld":
                return new Channel(producers, perProducer, consumers) {
                    final Deque<Item> deque = new ConcurrentLinkedDeque<>();

                    @Override
                    public Item send(Item item) {
                        deque.offerFirst(item);
                        return item;
                    }

                    @Override
                    public Item receive(int c) {
                        Item item;
                        while ((item = deque.pollLast()) == null) Thread.yield();
                        return item.id == PILL ? null : item;
                    }

                    @Override
                    public void close() {
                        for (int i = 0; i < this.consumers; i++) deque.offerFirst(new Item(PILL));
                    }
                };
            case "abq":
                return new Blocking(producers, perProducer, consumers, new ArrayBlockingQueue<>(8));
            case "lbq":
                return new Blocking(producers, perProducer, consumers, new LinkedBlockingQueue<>());
            case "lbq-drain":
                return new Drained(producers, perProducer, consumers);
            case "lbd":
                return new Channel(producers, perProducer, consumers) {
                    final BlockingDeque<Item> deque = new LinkedBlockingDeque<>();

                    @Override
                    public Item send(Item item) throws InterruptedException {
                        deque.putLast(item);
                        return item;
                    }

                    @Override
                    public Item receive(int c) throws InterruptedException {
                        Item item = deque.takeFirst();
                        return item.id == PILL ? null : item;
                    }

                    @Override
                    public void close() throws InterruptedException {
                        for (int i = 0; i < this.consumers; i++) deque.putLast(new Item(PILL));
                    }
                };
            case "pbq":
                return new Blocking(producers, perProducer, consumers, new PriorityBlockingQueue<>());
            case "delay":
                return new Channel(producers, perProducer, consumers) {
                    // Declared as a DelayQueue: its methods take and return Delayed.
                    final DelayQueue<Item> queue = new DelayQueue<>();

                    @Override
                    public Item send(Item item) {
                        queue.put(item);
                        return item;
                    }

                    @Override
                    public Item receive(int c) throws InterruptedException {
                        Item item = queue.take();
                        return item.id == PILL ? null : item;
                    }

                    @Override
                    public void close() {
                        for (int i = 0; i < this.consumers; i++) {
                            Item pill = new Item(PILL);
                            pill.readyAt = System.nanoTime() - 1;
                            queue.put(pill);
                        }
                    }
                };
            case "sync":
                return new Blocking(producers, perProducer, consumers, new SynchronousQueue<>());
            case "ltq":
                return new Channel(producers, perProducer, consumers) {
                    final LinkedTransferQueue<Item> queue = new LinkedTransferQueue<>();

                    @Override
                    public Item send(Item item) throws InterruptedException {
                        queue.transfer(item);
                        return item;
                    }

                    @Override
                    public Item receive(int c) throws InterruptedException {
                        Item item = queue.take();
                        return item.id == PILL ? null : item;
                    }

                    @Override
                    public void close() throws InterruptedException {
                        for (int i = 0; i < this.consumers; i++) queue.transfer(new Item(PILL));
                    }
                };
            case "chm":
                return new Keyed(producers, perProducer, consumers, new ConcurrentHashMap<>());
            case "cslm":
                return new Keyed(producers, perProducer, consumers, new ConcurrentSkipListMap<>());
            case "sync-map":
                return new Keyed(producers, perProducer, consumers, Collections.synchronizedMap(new HashMap<>()));
            case "hashtable":
                return new Keyed(producers, perProducer, consumers, new Hashtable<>());
            case "chm-compute":
                return new Keyed(producers, perProducer, consumers, new ConcurrentHashMap<>()) {
                    @Override
                    public Item send(Item item) {
                        // The stored item is made inside the callback, from the producer's.
                        return map.compute(new Key(item.id), (k, old) -> copy(item));
                    }
                };
            case "cslm-compute":
                return new Keyed(producers, perProducer, consumers, new ConcurrentSkipListMap<>()) {
                    @Override
                    public Item send(Item item) {
                        return map.computeIfAbsent(new Key(item.id), k -> copy(item));
                    }
                };
            case "cowal":
                return new Bag(producers, perProducer, consumers, new CopyOnWriteArrayList<>());
            case "cowas":
                return new Bag(producers, perProducer, consumers, new CopyOnWriteArraySet<>());
            case "csls":
                return new Bag(producers, perProducer, consumers, new ConcurrentSkipListSet<>());
            case "chm-keyset":
                return new Bag(producers, perProducer, consumers, ConcurrentHashMap.newKeySet());
            case "clq-iterate":
                return new Bag(producers, perProducer, consumers, new ConcurrentLinkedQueue<>());
            case "sync-list":
                return new Bag(producers, perProducer, consumers, Collections.synchronizedList(new ArrayList<>()));
            case "vector":
                return new Bag(producers, perProducer, consumers, new Vector<>());
            default:
                throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    static Item copy(Item from) {
        Item made = new Item(from.id);
        made.a = from.a;
        made.b = from.b;
        made.readyAt = from.readyAt;
        return made;
    }

    /** A non-blocking queue: consumers spin on poll. */
    static final class Polled extends Channel {
        final Queue<Item> queue;

        Polled(int producers, int perProducer, int consumers, Queue<Item> queue) {
            super(producers, perProducer, consumers);
            this.queue = queue;
        }

        @Override
        public Item send(Item item) {
            queue.offer(item);
            return item;
        }

        @Override
        public Item receive(int c) {
            Item item;
            while ((item = queue.poll()) == null) Thread.yield();
            return item.id == PILL ? null : item;
        }

        @Override
        public void close() {
            for (int i = 0; i < consumers; i++) queue.offer(new Item(PILL));
        }
    }

    /** A blocking queue: put and take. */
    static final class Blocking extends Channel {
        final BlockingQueue<Item> queue;

        Blocking(int producers, int perProducer, int consumers, BlockingQueue<Item> queue) {
            super(producers, perProducer, consumers);
            this.queue = queue;
        }

        @Override
        public Item send(Item item) throws InterruptedException {
            queue.put(item);
            return item;
        }

        @Override
        public Item receive(int c) throws InterruptedException {
            Item item = queue.take();
            return item.id == PILL ? null : item;
        }

        @Override
        public void close() throws InterruptedException {
            for (int i = 0; i < consumers; i++) queue.put(new Item(PILL));
        }
    }

    /** A blocking queue drained in batches into each consumer's own buffer. */
    static final class Drained extends Channel {
        final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
        // One buffer per consumer, each used by its consumer only (an array: its elements are
        // separate variables, unlike the contents of a shared list).
        final Object[] buffers;

        Drained(int producers, int perProducer, int consumers) {
            super(producers, perProducer, consumers);
            buffers = new Object[consumers];
            for (int i = 0; i < consumers; i++) buffers[i] = new ArrayDeque<Item>();
        }

        @Override
        public Item send(Item item) throws InterruptedException {
            queue.put(item);
            return item;
        }

        @Override
        public Item receive(int c) {
            @SuppressWarnings("unchecked")
            Deque<Item> mine = (Deque<Item>) buffers[c];
            while (mine.isEmpty()) {
                if (queue.drainTo(mine, 4) == 0) Thread.yield();
            }
            Item item = mine.pollFirst();
            if (item.id == PILL) {
                // Drained a pill: hand whatever else was drained back for the others.
                while (!mine.isEmpty()) queue.add(mine.pollFirst());
                return null;
            }
            return item;
        }

        @Override
        public void close() throws InterruptedException {
            for (int i = 0; i < consumers; i++) queue.put(new Item(PILL));
        }
    }

    /** A map from Key(id) to item: consumer c looks up the keys of producer c. */
    static class Keyed extends Channel {
        final Map<Key, Item> map;
        final int[] next;

        Keyed(int producers, int perProducer, int consumers, Map<Key, Item> map) {
            super(producers, perProducer, consumers);
            this.map = map;
            this.next = new int[consumers];
        }

        @Override
        public Item send(Item item) {
            map.put(new Key(item.id), item);
            return item;
        }

        @Override
        public Item receive(int c) {
            if (next[c] == perProducer) return null;
            Key key = new Key(c * perProducer + next[c]++);
            while (!map.containsKey(key)) Thread.yield();
            return map.get(key);
        }
    }

    /** A set or list: consumers wait until all items are in, then iterate for their producer's. */
    static final class Bag extends Channel {
        final Collection<Item> items;
        final Object[] cursors; // each consumer's own iterator

        Bag(int producers, int perProducer, int consumers, Collection<Item> items) {
            super(producers, perProducer, consumers);
            this.items = items;
            this.cursors = new Object[consumers];
        }

        @Override
        public Item send(Item item) {
            items.add(item);
            return item;
        }

        @Override
        public Item receive(int c) {
            @SuppressWarnings("unchecked")
            Iterator<Item> cursor = (Iterator<Item>) cursors[c];
            if (cursor == null) {
                while (items.size() < total) Thread.yield();
                cursor = items.iterator();
                cursors[c] = cursor;
            }
            while (cursor.hasNext()) {
                Item item = cursor.next();
                if (ownerOf(item) == c) return item;
            }
            return null;
        }
    }
}
