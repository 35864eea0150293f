package programs;

import java.util.Collection;
import java.util.Map;

/**
 * The writers of {@link CollUnsafeRace}, each holding one lock, and a reader that iterates under
 * the same lock: every use of the collection is ordered.
 */
public final class CollUnsafeLocked {
    static final Object LOCK = new Object();
    static final int WRITES = 20;

    public static void main(String[] args) throws InterruptedException {
        String kind = args[0];
        Object target = CollUnsafe.create(kind);
        int[] seen = new int[1];
        Thread a = new Thread(() -> fill(kind, target, 0), "writer-a");
        Thread b = new Thread(() -> fill(kind, target, 1), "writer-b");
        Thread reader = new Thread(() -> seen[0] = read(target), "reader");
        a.start();
        b.start();
        reader.start();
        a.join();
        b.join();
        reader.join();
        System.out.println("kind=" + kind + " size=" + read(target));
    }

    @SuppressWarnings("unchecked")
    static void fill(String kind, Object target, int writer) {
        for (int i = 0; i < WRITES; i++) {
            Object key = CollUnsafe.key(kind, writer, i);
            synchronized (LOCK) {
                if (target instanceof Map) ((Map<Object, Object>) target).put(key, i);
                else ((Collection<Object>) target).add(key);
            }
        }
    }

    /** How many elements an iteration sees (a distinct count for the enum kinds). */
    static int read(Object target) {
        int n = 0;
        synchronized (LOCK) {
            Iterable<?> elements = target instanceof Map ? ((Map<?, ?>) target).entrySet() : (Collection<?>) target;
            for (Object o : elements) {
                if (o != null) n++;
            }
        }
        return n;
    }
}
