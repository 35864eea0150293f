package programs;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;

/**
 * A non-thread-safe collection handed from thread to thread by start and join: main fills it,
 * two readers read it at the same time (reads do not race, even a failed add through an
 * unmodifiable view), then a writer changes it, then main reads it again.
 */
public final class CollUnsafeHandover {
    static final int WRITES = 20;

    public static void main(String[] args) throws InterruptedException {
        String kind = args[0];
        Object target = CollUnsafe.create(kind);
        fill(kind, target, 0);
        int[] seen = new int[2];
        Thread r1 = new Thread(() -> seen[0] = read(kind, target), "reader-1");
        Thread r2 = new Thread(() -> seen[1] = read(kind, target), "reader-2");
        r1.start();
        r2.start();
        r1.join();
        r2.join();
        Thread writer = new Thread(() -> change(kind, target), "writer");
        writer.start();
        writer.join();
        System.out.println("kind=" + kind + " seen=" + seen[0] + "," + seen[1] + " after=" + read(kind, target));
    }

    @SuppressWarnings("unchecked")
    static void fill(String kind, Object target, int writer) {
        for (int i = 0; i < WRITES; i++) {
            Object key = CollUnsafe.key(kind, writer, i);
            if (target instanceof Map) ((Map<Object, Object>) target).put(key, i);
            else ((Collection<Object>) target).add(key);
        }
    }

    static int read(String kind, Object target) {
        int n = 0;
        Object probe = CollUnsafe.key(kind, 0, 1);
        if (target instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) target;
            if (map.containsKey(probe) && map.get(probe) != null) n += 1000;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() != null) n++;
            }
            try {
                Collections.unmodifiableMap(map).clear();
            } catch (UnsupportedOperationException e) {
                n += 0; // a mutator through an unmodifiable view throws and changes nothing
            }
        } else {
            Collection<?> collection = (Collection<?>) target;
            if (collection.contains(probe) && !collection.isEmpty()) n += 1000;
            for (Object o : collection) {
                if (o != null) n++;
            }
            try {
                Collections.unmodifiableCollection(collection).clear();
            } catch (UnsupportedOperationException e) {
                n += 0;
            }
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    static void change(String kind, Object target) {
        if (target instanceof Map) ((Map<Object, Object>) target).clear();
        else ((Collection<Object>) target).clear();
        fill(kind, target, 1);
    }
}
