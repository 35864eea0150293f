package programs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;

/** The non-thread-safe collections the CollUnsafe programs use, by kind, and their keys. */
public final class CollUnsafe {

    /** Every kind, with the JDK class whose {@code <contents>} holds its elements. */
    public static final Map<String, String> HOLDERS = Map.ofEntries(
            Map.entry("hashmap", "java.util.HashMap"),
            Map.entry("linkedhashmap", "java.util.LinkedHashMap"),
            Map.entry("treemap", "java.util.TreeMap"),
            Map.entry("weakhashmap", "java.util.WeakHashMap"),
            Map.entry("identityhashmap", "java.util.IdentityHashMap"),
            Map.entry("enummap", "java.util.EnumMap"),
            Map.entry("hashset", "java.util.HashMap"),
            Map.entry("linkedhashset", "java.util.LinkedHashMap"),
            Map.entry("treeset", "java.util.TreeMap"),
            Map.entry("enumset", "java.util.RegularEnumSet"),
            Map.entry("arraylist", "java.util.ArrayList"),
            Map.entry("linkedlist", "java.util.LinkedList"),
            Map.entry("arraydeque", "java.util.ArrayDeque"),
            Map.entry("priorityqueue", "java.util.PriorityQueue"),
            Map.entry("subclass", "java.util.HashMap"));

    /** A program subclass that adds nothing: it is as unsafe as its JDK class. */
    public static final class Registry extends HashMap<Object, Object> {
    }

    private static final List<String> ENUM_KINDS = List.of("enummap", "enumset");

    /**
     * The string keys, made once in the static initialiser (which orders them before every
     * use): they stay strongly reachable, so a WeakHashMap keeps its entries, and one object
     * per key, so an IdentityHashMap finds them again.
     */
    private static final String[][] KEYS = new String[2][64];

    static {
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < 64; i++) KEYS[w][i] = "w" + w + "-" + i;
        }
    }

    private CollUnsafe() {}

    /** A new, empty collection or map of {@code kind}. */
    public static Object create(String kind) {
        switch (kind) {
            case "hashmap": return new HashMap<>();
            case "linkedhashmap": return new LinkedHashMap<>();
            case "treemap": return new TreeMap<>();
            case "weakhashmap": return new WeakHashMap<>();
            case "identityhashmap": return new IdentityHashMap<>();
            case "enummap": return new EnumMap<>(TimeUnit.class);
            case "hashset": return new HashSet<>();
            case "linkedhashset": return new LinkedHashSet<>();
            case "treeset": return new TreeSet<>();
            case "enumset": return EnumSet.noneOf(TimeUnit.class);
            case "arraylist": return new ArrayList<>();
            case "linkedlist": return new LinkedList<>();
            case "arraydeque": return new ArrayDeque<>();
            case "priorityqueue": return new PriorityQueue<>();
            case "subclass": return new Registry();
            default: throw new IllegalArgumentException(kind);
        }
    }

    /** The i-th key (or element) of writer {@code writer}: strings, or enum constants for enum kinds. */
    public static Object key(String kind, int writer, int i) {
        if (ENUM_KINDS.contains(kind)) return TimeUnit.values()[(writer * 3 + i) % TimeUnit.values().length];
        return KEYS[writer][i];
    }
}
