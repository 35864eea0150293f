package programs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Vector;

/**
 * Monitor-based collections used as their documentation says: Collections.synchronizedList,
 * synchronizedMap and synchronizedSet, Vector and Hashtable. Two workers add plain items through
 * the collections' own methods and do a check-then-act under {@code synchronized (collection)};
 * a reader iterates under the same monitor and reads the items. Everything is ordered by the one
 * monitor the collection's methods and the program's blocks share.
 */
public final class CollSynchronizedWrappers {
    static final int PER_WORKER = 30;

    static final class Item {
        int value;

        Item(int value) {
            this.value = value;
        }
    }

    static final List<Item> list = Collections.synchronizedList(new ArrayList<>());
    static final Map<Integer, Item> map = Collections.synchronizedMap(new HashMap<>());
    static final Set<Integer> set = Collections.synchronizedSet(new HashSet<>());
    static final Vector<Item> vector = new Vector<>();
    static final Hashtable<Integer, Item> table = new Hashtable<>();

    public static void main(String[] args) throws InterruptedException {
        long[] read = new long[1];
        Thread w1 = new Thread(() -> work(0), "worker-1");
        Thread w2 = new Thread(() -> work(1), "worker-2");
        Thread reader = new Thread(() -> read[0] = readAll(), "reader");
        w1.start();
        w2.start();
        reader.start();
        w1.join();
        w2.join();
        reader.join();
        System.out.println("list=" + list.size() + " map=" + map.size() + " set=" + set.size() + " vector="
                + vector.size() + " table=" + table.size() + " final=" + readAll());
    }

    static void work(int worker) {
        for (int i = 0; i < PER_WORKER; i++) {
            int id = worker * PER_WORKER + i;
            Item item = new Item(id);
            item.value = id * 2;
            list.add(item);
            map.put(id, item);
            vector.add(item);
            table.put(id, item);
            int shared = i % 10; // both workers try to add the same ten numbers
            synchronized (set) {
                if (!set.contains(shared)) set.add(shared);
            }
            synchronized (vector) {
                if (vector.isEmpty() || vector.lastElement() != null) vector.add(new Item(-1));
            }
        }
    }

    static long readAll() {
        long sum = 0;
        synchronized (list) {
            for (Item item : list) sum += item.value;
        }
        synchronized (map) {
            for (Map.Entry<Integer, Item> e : map.entrySet()) sum += e.getValue().value;
        }
        synchronized (set) {
            for (Integer n : set) sum += n;
        }
        synchronized (vector) {
            for (Item item : vector) sum += item.value;
        }
        synchronized (table) {
            for (Item item : table.values()) sum += item.value;
        }
        return sum;
    }
}
