package programs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * One thread reads a non-thread-safe collection through a view (key set, values, entry set,
 * sub-map, sub-list, unmodifiable wrapper, or the collection's own iterator; the view is the
 * argument) while another, later (a sleep, which orders nothing), adds to the collection: the
 * iteration and the insertion race, at those two lines.
 */
public final class CollUnsafeViews {

    /** Every view, with the JDK class whose {@code <contents>} it reads. */
    public static final Map<String, String> HOLDERS = Map.ofEntries(
            Map.entry("hashmap-keyset", "java.util.HashMap"),
            Map.entry("hashmap-values", "java.util.HashMap"),
            Map.entry("hashmap-entryset", "java.util.HashMap"),
            Map.entry("treemap-headmap", "java.util.TreeMap"),
            Map.entry("treemap-descending", "java.util.TreeMap"),
            Map.entry("identity-keyset", "java.util.IdentityHashMap"),
            Map.entry("enummap-values", "java.util.EnumMap"),
            Map.entry("unmodifiable-map", "java.util.HashMap"),
            Map.entry("hashset", "java.util.HashMap"),
            Map.entry("linkedhashset", "java.util.LinkedHashMap"),
            Map.entry("treeset-tailset", "java.util.TreeMap"),
            Map.entry("arraylist-sublist", "java.util.ArrayList"),
            Map.entry("linkedlist-sublist", "java.util.LinkedList"),
            Map.entry("unmodifiable-list", "java.util.ArrayList"),
            Map.entry("arraydeque", "java.util.ArrayDeque"),
            Map.entry("priorityqueue", "java.util.PriorityQueue"));

    public static void main(String[] args) throws InterruptedException {
        String view = args[0];
        Object backing = backing(view);
        Iterable<?> seen = viewOf(view, backing);
        int[] count = new int[1];
        Thread reader = new Thread(() -> count[0] = iterate(seen), "reader");
        Thread writer = new Thread(() -> addLater(backing), "writer");
        reader.start(); // start:reader
        writer.start(); // start:writer
        reader.join();
        writer.join();
        System.out.println("view=" + view + " done");
    }

    static int iterate(Iterable<?> view) {
        int n = 0;
        try {
            for (Object o : view) { // race:view-read
                if (o != null) n++;
            }
        } catch (RuntimeException e) {
            // a concurrent modification may show; the report is what matters
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    static void addLater(Object backing) {
        try {
            Thread.sleep(100);
            if (backing instanceof EnumMap) {
                ((Map<TimeUnit, Object>) backing).put(TimeUnit.DAYS, "late"); // race:enum-put
            } else if (backing instanceof Map) {
                ((Map<Object, Object>) backing).put("zz-late", "late"); // race:map-put
            } else {
                ((Collection<Object>) backing).add("zz-late"); // race:add
            }
        } catch (InterruptedException | RuntimeException e) {
            // as above
        }
    }

    static Object backing(String view) {
        Map<Object, Object> map;
        Collection<Object> collection;
        switch (view) {
            case "hashmap-keyset": case "hashmap-values": case "hashmap-entryset": case "unmodifiable-map":
                map = new HashMap<>();
                break;
            case "treemap-headmap": case "treemap-descending":
                map = new TreeMap<>();
                break;
            case "identity-keyset":
                map = new IdentityHashMap<>();
                break;
            case "enummap-values":
                Map<TimeUnit, Object> units = new EnumMap<>(TimeUnit.class);
                units.put(TimeUnit.SECONDS, "s");
                units.put(TimeUnit.MINUTES, "m");
                return units;
            case "hashset": collection = new HashSet<>(); return filled(collection);
            case "linkedhashset": collection = new LinkedHashSet<>(); return filled(collection);
            case "treeset-tailset": collection = new TreeSet<>(); return filled(collection);
            case "arraylist-sublist": case "unmodifiable-list": collection = new ArrayList<>(); return filled(collection);
            case "linkedlist-sublist": collection = new LinkedList<>(); return filled(collection);
            case "arraydeque": collection = new ArrayDeque<>(); return filled(collection);
            case "priorityqueue": collection = new PriorityQueue<>(); return filled(collection);
            default: throw new IllegalArgumentException(view);
        }
        for (int i = 0; i < 5; i++) map.put("k" + i, "v" + i);
        return map;
    }

    static Collection<Object> filled(Collection<Object> collection) {
        for (int i = 0; i < 5; i++) collection.add("e" + i);
        return collection;
    }

    @SuppressWarnings("unchecked")
    static Iterable<?> viewOf(String view, Object backing) {
        switch (view) {
            case "hashmap-keyset": case "identity-keyset": return ((Map<?, ?>) backing).keySet();
            case "hashmap-values": case "enummap-values": return ((Map<?, ?>) backing).values();
            case "hashmap-entryset": return ((Map<?, ?>) backing).entrySet();
            case "treemap-headmap": return ((TreeMap<Object, Object>) backing).headMap("k3").keySet();
            case "treemap-descending": return ((TreeMap<Object, Object>) backing).descendingMap().entrySet();
            case "unmodifiable-map": return Collections.unmodifiableMap((Map<?, ?>) backing).entrySet();
            case "treeset-tailset": return ((TreeSet<Object>) backing).tailSet("e2");
            case "arraylist-sublist": case "linkedlist-sublist": return ((List<Object>) backing).subList(1, 4);
            case "unmodifiable-list": return Collections.unmodifiableList((List<Object>) backing);
            default: return (Iterable<?>) backing;
        }
    }
}
