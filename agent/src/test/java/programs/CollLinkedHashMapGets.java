package programs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Main fills a map, then two readers look keys up at the same time (the second a little later:
 * a sleep, which orders nothing). Lookups only read an insertion-ordered LinkedHashMap
 * ("insertion": no race), but they relink the entry in an access-ordered one ("access") and
 * expunge stale entries in a WeakHashMap ("weak"): there the two get lines race.
 */
public final class CollLinkedHashMapGets {
    /** Made by the static initialiser; strongly reachable, so the WeakHashMap keeps its entries. */
    static final String[] KEYS = {"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"};

    public static void main(String[] args) throws InterruptedException {
        String kind = args[0];
        Map<String, Integer> map = kind.equals("weak") ? new WeakHashMap<>()
                : new LinkedHashMap<>(16, 0.75f, kind.equals("access"));
        for (int i = 0; i < 8; i++) map.put(KEYS[i], i);
        int[] sums = new int[2];
        Thread a = new Thread(() -> sums[0] = lookUpA(map), "reader-a");
        Thread b = new Thread(() -> sums[1] = lookUpB(map), "reader-b");
        a.start(); // start:reader-a
        b.start(); // start:reader-b
        a.join();
        b.join();
        System.out.println("kind=" + kind + " sums=" + sums[0] + "," + sums[1]);
    }

    static int lookUpA(Map<String, Integer> map) {
        int sum = 0;
        try {
            for (int i = 0; i < 8; i += 2) {
                Integer v = map.get(KEYS[i]); // race:get-a
                sum += v == null ? 0 : v;
            }
        } catch (RuntimeException e) {
            // a corrupted map may throw; the report is what matters
        }
        return sum;
    }

    static int lookUpB(Map<String, Integer> map) {
        int sum = 0;
        try {
            Thread.sleep(100);
            for (int i = 1; i < 8; i += 2) {
                Integer v = map.get(KEYS[i]); // race:get-b
                sum += v == null ? 0 : v;
            }
        } catch (RuntimeException | InterruptedException e) {
            // as above
        }
        return sum;
    }
}
