package programs;

import java.util.HashMap;
import java.util.Map;

/**
 * Two threads fill a program subclass of HashMap. A subclass that adds nothing is as unsafe as
 * HashMap ("plain": the put lines race); one whose put and size are synchronized is safe
 * ("synchronized": its overrides are program code, checked as such, and nothing races).
 */
public final class CollSubclass {

    /** Adds nothing to HashMap. */
    static final class PlainRegistry extends HashMap<String, Integer> {
    }

    /** Makes every method the program uses synchronized. */
    static final class SyncRegistry extends HashMap<String, Integer> {
        @Override
        public synchronized Integer put(String key, Integer value) {
            return super.put(key, value);
        }

        @Override
        public synchronized int size() {
            return super.size();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, Integer> registry = args[0].equals("plain") ? new PlainRegistry() : new SyncRegistry();
        Thread a = new Thread(() -> fillA(registry), "writer-a");
        Thread b = new Thread(() -> fillB(registry), "writer-b");
        a.start(); // start:writer-a
        b.start(); // start:writer-b
        a.join();
        b.join();
        System.out.println("size=" + registry.size());
    }

    static void fillA(Map<String, Integer> registry) {
        try {
            for (int i = 0; i < 5; i++) {
                registry.put("a" + i, i); // race:put-a
            }
        } catch (RuntimeException e) {
            // the race may corrupt the map; the report is what matters
        }
    }

    static void fillB(Map<String, Integer> registry) {
        try {
            Thread.sleep(100);
            for (int i = 0; i < 5; i++) {
                registry.put("b" + i, i); // race:put-b
            }
        } catch (RuntimeException | InterruptedException e) {
            // as above
        }
    }
}
