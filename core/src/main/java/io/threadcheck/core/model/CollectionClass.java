package io.threadcheck.core.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link CollectionModels} knows about one class of collection, computed once per class
 * ({@link #of}) from its name, its superclasses and its fields; no program code runs.
 *
 * <p>A <em>view</em> (a key set, an iterator, a sub-list, an unmodifiable or checked wrapper, a
 * set backed by a map) has a {@link #backing} getter: the object it reads and writes through.
 * Following getters from any receiver ends at the <em>holder</em>, the object whose contents
 * the call touches, and the holder's class gives the {@link Kind}. A {@code HashSet}'s holder
 * is its {@code HashMap}, so its iterator (a {@code HashMap} key iterator) meets it there.
 */
final class CollectionClass {

    /** How calls on a holder are modelled. */
    enum Kind {
        /** Not a collection threadcheck models: nothing is recorded. */
        NONE,
        /** Thread-safe with a memory-consistency contract: releases and acquires. */
        CONCURRENT,
        /** Not thread-safe: each call reads or writes the pseudo-field {@code <contents>}. */
        UNSAFE,
        /** Thread-safe through its own monitor, which is recorded as such: nothing at the call. */
        MONITOR
    }

    /** The pseudo-field that stands for an unsafe collection's whole internal state. */
    static final String CONTENTS_FIELD = "<contents>";

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private static final Set<String> CONCURRENT_ROOTS = Set.of(
            "java.util.concurrent.ConcurrentHashMap",
            "java.util.concurrent.ConcurrentSkipListMap",
            "java.util.concurrent.ConcurrentSkipListSet",
            "java.util.concurrent.ConcurrentLinkedQueue",
            "java.util.concurrent.ConcurrentLinkedDeque",
            "java.util.concurrent.CopyOnWriteArrayList",
            "java.util.concurrent.CopyOnWriteArraySet",
            "java.util.concurrent.ArrayBlockingQueue",
            "java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.LinkedBlockingDeque",
            "java.util.concurrent.PriorityBlockingQueue",
            "java.util.concurrent.DelayQueue",
            "java.util.concurrent.SynchronousQueue",
            "java.util.concurrent.LinkedTransferQueue");

    private static final Set<String> UNSAFE_ROOTS = Set.of(
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.WeakHashMap",
            "java.util.IdentityHashMap", "java.util.EnumMap", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque",
            "java.util.PriorityQueue", "java.util.RegularEnumSet", "java.util.JumboEnumSet");

    /** Thread-safe through their monitor (their synchronized methods are recorded as monitors). */
    private static final Set<String> MONITOR_ROOTS = Set.of("java.util.Vector", "java.util.Hashtable");
    private static final String SYNCHRONIZED_WRAPPER = "java.util.Collections$Synchronized";

    /** Top-level classes whose inner classes (iterators, views) reach their outer instance through this$N. */
    private static final Set<String> OUTER_VIEWS = Set.of("java.util.AbstractList");

    /**
     * Views whose holder is a named field (static nested classes, sets over maps, wrappers),
     * by declaring class; subclasses inherit the entry.
     */
    private static final Map<String, String> BACKING_FIELDS = Map.ofEntries(
            Map.entry("java.util.HashSet", "map"),
            Map.entry("java.util.TreeSet", "m"),
            Map.entry("java.util.TreeMap$KeySet", "m"),
            Map.entry("java.util.TreeMap$NavigableSubMap", "m"),
            Map.entry("java.util.ArrayList$SubList", "root"),
            Map.entry("java.util.AbstractList$SubList", "root"),
            Map.entry("java.util.LinkedList$ReverseOrderLinkedListView", "list"),
            Map.entry("java.util.LinkedHashMap$ReversedLinkedHashMapView", "base"),
            Map.entry("java.util.Collections$SetFromMap", "m"),
            Map.entry("java.util.Collections$AsLIFOQueue", "q"),
            Map.entry("java.util.Collections$CheckedCollection", "c"),
            Map.entry("java.util.Collections$CheckedMap", "m"),
            Map.entry("java.util.Collections$CheckedMap$CheckedEntrySet", "s"),
            Map.entry("java.util.Properties", "map"),
            Map.entry("java.util.concurrent.ConcurrentHashMap$CollectionView", "map"),
            Map.entry("java.util.concurrent.ConcurrentHashMap$BaseIterator", "map"),
            Map.entry("java.util.concurrent.ConcurrentHashMap$MapEntry", "map"),
            Map.entry("java.util.concurrent.ConcurrentSkipListMap$KeySet", "m"),
            Map.entry("java.util.concurrent.ConcurrentSkipListMap$Values", "m"),
            Map.entry("java.util.concurrent.ConcurrentSkipListMap$EntrySet", "m"),
            Map.entry("java.util.concurrent.ConcurrentSkipListMap$SubMap", "m"),
            Map.entry("java.util.concurrent.ConcurrentSkipListSet", "m"),
            Map.entry("java.util.concurrent.CopyOnWriteArraySet", "al"),
            Map.entry("java.util.concurrent.CopyOnWriteArrayList$Reversed", "base"));

    /** Unmodifiable wrappers and their iterators and entries: the wrapped object, in this order of preference. */
    private static final String UNMODIFIABLE = "java.util.Collections$Unmodifiable";
    private static final String[] UNMODIFIABLE_FIELDS = {"i", "c", "m", "e"};

    /** Entry classes whose getKey/getValue only return fields (safe to call from a model). */
    private static final Set<String> PLAIN_ENTRIES = Set.of(
            "java.util.concurrent.ConcurrentHashMap$MapEntry", "java.util.AbstractMap$SimpleImmutableEntry",
            "java.util.AbstractMap$SimpleEntry", "java.util.KeyValueHolder");

    /** JDK collections that hold their elements themselves and copy them without program code. */
    private static final String[] SELF_CONTAINED = {"java.util.ImmutableCollections$", "java.util.Arrays$ArrayList",
            "java.util.Collections$Singleton", "java.util.Collections$Empty", "java.util.Collections$CopiesList"};

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType FLAG = MethodType.methodType(boolean.class, Object.class);

    private static final ClassValue<CollectionClass> CLASSES = new ClassValue<CollectionClass>() {
        @Override
        protected CollectionClass computeValue(Class<?> type) {
            return classify(type);
        }
    };

    final Kind kind;
    /** Getter of the object this view reads and writes through, or null for a holder. */
    final MethodHandle backing;
    /** An unmodifiable wrapper: its mutators throw, so they touch nothing. */
    final boolean readOnly;
    /** UNSAFE: the JDK class the pseudo-field is named after. */
    final String contentsOwner;
    /** LinkedHashMap: getter of its accessOrder flag (get() relinks the entry when set), else null. */
    final MethodHandle accessOrder;
    /** WeakHashMap: its methods expunge stale entries, so even its reads write. */
    final boolean expunges;
    /** Names of the methods program subclasses declare on the way to the JDK class, or null. */
    final String[] programMethods;
    /** A JDK Map.Entry whose getKey/getValue just return fields. */
    final boolean plainEntry;
    /** The id of {@code contentsOwner.<contents>}, registered on first use (-1 until then). */
    volatile int contentsField = -1;

    private CollectionClass(Kind kind, MethodHandle backing, boolean readOnly, String contentsOwner,
                            MethodHandle accessOrder, boolean expunges, String[] programMethods, boolean plainEntry) {
        this.kind = kind;
        this.backing = backing;
        this.readOnly = readOnly;
        this.contentsOwner = contentsOwner;
        this.accessOrder = accessOrder;
        this.expunges = expunges;
        this.programMethods = programMethods;
        this.plainEntry = plainEntry;
    }

    static CollectionClass of(Class<?> type) {
        return CLASSES.get(type);
    }

    /** True for classes of the JDK (bootstrap and platform loaders), whose code is never instrumented. */
    static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == PLATFORM;
    }

    /** The object this view reads and writes through, or null when it cannot be read. */
    Object backingOf(Object view) {
        try {
            return (Object) backing.invokeExact(view);
        } catch (Throwable e) {
            return null;
        }
    }

    /** True when a program subclass declares a method of this name (its override runs program code). */
    boolean programOverrides(String method) {
        String[] names = programMethods;
        if (names == null) return false;
        for (String n : names) {
            if (n.equals(method) || n.equals("*")) return true;
        }
        return false;
    }

    /**
     * True when a holder of this class copies its elements (toArray, entrySet().toArray())
     * running only JDK code, so that a model may call it: a JDK concurrent or unsafe collection,
     * or a self-contained JDK one (immutable, singleton, Arrays.asList).
     */
    boolean copiesSafely(Class<?> holderClass) {
        if (!isJdk(holderClass)) return false;
        if (kind == Kind.CONCURRENT || kind == Kind.UNSAFE) return true;
        String name = holderClass.getName();
        for (String prefix : SELF_CONTAINED) {
            if (name.startsWith(prefix)) return true;
        }
        return false;
    }

    /** True when this LinkedHashMap orders by access, so that get() moves the entry. */
    boolean ordersByAccess(Object holder) {
        if (accessOrder == null) return false;
        try {
            return (boolean) accessOrder.invokeExact(holder);
        } catch (Throwable e) {
            return false;
        }
    }

    // --- classification (once per class) ---------------------------------------------------

    private static CollectionClass classify(Class<?> type) {
        String[] programMethods = programMethods(type);
        boolean plainEntry = PLAIN_ENTRIES.contains(type.getName());
        for (Class<?> k = type; k != null; k = k.getSuperclass()) {
            if (!isJdk(k)) continue;
            MethodHandle backing = backing(k);
            if (backing != null) {
                boolean readOnly = k.getName().startsWith(UNMODIFIABLE);
                return new CollectionClass(Kind.NONE, backing, readOnly, null, null, false, programMethods, plainEntry);
            }
        }
        for (Class<?> k = type; k != null; k = k.getSuperclass()) {
            if (!isJdk(k)) continue;
            String name = k.getName();
            if (CONCURRENT_ROOTS.contains(name) || CONCURRENT_ROOTS.contains(topLevel(name))) {
                return new CollectionClass(Kind.CONCURRENT, null, false, null, null, false, programMethods, plainEntry);
            }
            if (UNSAFE_ROOTS.contains(name)) {
                MethodHandle accessOrder = name.equals("java.util.LinkedHashMap") ? flag(k, "accessOrder") : null;
                return new CollectionClass(Kind.UNSAFE, null, false, name, accessOrder,
                        name.equals("java.util.WeakHashMap"), programMethods, plainEntry);
            }
            if (MONITOR_ROOTS.contains(name) || MONITOR_ROOTS.contains(topLevel(name))
                    || name.startsWith(SYNCHRONIZED_WRAPPER)) {
                return new CollectionClass(Kind.MONITOR, null, false, null, null, false, programMethods, plainEntry);
            }
        }
        // Program implementations of the concurrent interfaces promise the same memory consistency.
        if (java.util.concurrent.ConcurrentMap.class.isAssignableFrom(type)
                || java.util.concurrent.BlockingQueue.class.isAssignableFrom(type)) {
            return new CollectionClass(Kind.CONCURRENT, null, false, null, null, false, programMethods, plainEntry);
        }
        return new CollectionClass(Kind.NONE, null, false, null, null, false, programMethods, plainEntry);
    }

    /** The getter of JDK class {@code k}'s own link to the object it views, or null. */
    private static MethodHandle backing(Class<?> k) {
        String name = k.getName();
        String field = BACKING_FIELDS.get(name);
        if (field != null) return getter(k, field);
        if (name.startsWith(UNMODIFIABLE)) {
            for (String f : UNMODIFIABLE_FIELDS) {
                MethodHandle h = getter(k, f);
                if (h != null) return h;
            }
            return null;
        }
        String top = topLevel(name);
        if (top.equals(name)) return null;
        if (!UNSAFE_ROOTS.contains(top) && !CONCURRENT_ROOTS.contains(top) && !MONITOR_ROOTS.contains(top)
                && !OUTER_VIEWS.contains(top)) {
            return null;
        }
        // An inner class (iterator, key set, entry of an iterator) and its outer instance: javac
        // names that field this$N, and recent javac keeps it only in the class that uses it.
        for (Field f : k.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || !f.getName().startsWith("this$")) continue;
            Class<?> t = f.getType();
            if (Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t)
                    || Iterator.class.isAssignableFrom(t)) {
                return getter(k, f.getName());
            }
        }
        return null;
    }

    private static MethodHandle getter(Class<?> k, String field) {
        try {
            Field f = k.getDeclaredField(field);
            if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) return null;
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(k, MethodHandles.lookup());
            return lookup.unreflectGetter(f).asType(GETTER);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not there in this JDK, or the package is not open to us (outside the agent): no view.
            return null;
        }
    }

    private static MethodHandle flag(Class<?> k, String field) {
        try {
            Field f = k.getDeclaredField(field);
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(k, MethodHandles.lookup());
            return lookup.unreflectGetter(f).asType(FLAG);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The names of methods declared by program classes between {@code type} and its first JDK superclass. */
    private static String[] programMethods(Class<?> type) {
        List<String> names = null;
        for (Class<?> k = type; k != null && !isJdk(k); k = k.getSuperclass()) {
            if (names == null) names = new ArrayList<>();
            try {
                for (Method m : k.getDeclaredMethods()) {
                    if (!Modifier.isStatic(m.getModifiers()) && !Modifier.isPrivate(m.getModifiers())) {
                        names.add(m.getName());
                    }
                }
            } catch (LinkageError e) {
                // a missing class in a signature: assume every method is overridden
                return new String[] {"*"};
            }
        }
        return names == null ? null : names.toArray(new String[0]);
    }

    private static String topLevel(String name) {
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }
}
