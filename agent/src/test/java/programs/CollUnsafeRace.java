package programs;

import java.util.Collection;
import java.util.Map;

/**
 * Two threads fill one non-thread-safe collection (the kind is the argument) without any
 * synchronisation: the writes race, reported at the two insertion lines. The second writer
 * starts late (a sleep, which orders nothing) so the collection is not corrupted in practice.
 */
public final class CollUnsafeRace {
    static final int WRITES = 5;

    public static void main(String[] args) throws InterruptedException {
        String kind = args[0];
        Object target = CollUnsafe.create(kind);
        Thread a = new Thread(() -> fillA(kind, target), "writer-a");
        Thread b = new Thread(() -> fillB(kind, target), "writer-b");
        a.start(); // start:writer-a
        b.start(); // start:writer-b
        a.join();
        b.join();
        System.out.println("kind=" + kind + " done");
    }

    @SuppressWarnings("unchecked")
    static void fillA(String kind, Object target) {
        try {
            for (int i = 0; i < WRITES; i++) {
                Object key = CollUnsafe.key(kind, 0, i);
                if (target instanceof Map) {
                    ((Map<Object, Object>) target).put(key, i); // race:put-a
                } else {
                    ((Collection<Object>) target).add(key); // race:add-a
                }
            }
        } catch (RuntimeException e) {
            // the race itself may corrupt the collection; the report is what matters
        }
    }

    @SuppressWarnings("unchecked")
    static void fillB(String kind, Object target) {
        try {
            Thread.sleep(100);
            for (int i = 0; i < WRITES; i++) {
                Object key = CollUnsafe.key(kind, 1, i);
                if (target instanceof Map) {
                    ((Map<Object, Object>) target).put(key, i); // race:put-b
                } else {
                    ((Collection<Object>) target).add(key); // race:add-b
                }
            }
        } catch (RuntimeException | InterruptedException e) {
            // as above
        }
    }
}
