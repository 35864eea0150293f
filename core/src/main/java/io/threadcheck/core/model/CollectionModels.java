package io.threadcheck.core.model;

import java.util.Collection;
import java.util.Map;

/**
 * Collections, as the program calls them. The receiver's runtime class decides
 * ({@link CollectionClass}); views, iterators and wrappers are followed to the <em>holder</em>,
 * the object whose contents the call touches.
 *
 * <ul>
 *   <li><b>Concurrent collections</b> (java.util.concurrent maps, sets, lists, queues, deques;
 *       program implementations of ConcurrentMap and BlockingQueue): their contract is that
 *       placing an element happens-before accessing or removing it in another thread. A call
 *       that inserts releases each inserted element, key and value ({@link SyncKeys#PUBLISHED}),
 *       and every call that changes the collection releases the holder's
 *       {@link SyncKeys#CONTENTS}; a call that returns an element acquires it; a call that
 *       observes the collection without returning an element (size, contains, iterator, views,
 *       toArray, drainTo...) acquires {@code CONTENTS} after it returns, or before it when
 *       program callbacks run inside it (forEach, removeIf, equals). Iterator.next on their
 *       iterators acquires the element. Code the JDK runs inside them is covered by
 *       {@link CollectionCallbacks}.</li>
 *   <li><b>Unsafe collections</b> (HashMap, ArrayList, ... and program subclasses): each call
 *       reads or writes the pseudo-field {@code <contents>} of the holder at the caller's line, so
 *       unsynchronised use is reported as a race between program lines. Reads that restructure
 *       count as writes: get on an access-ordered LinkedHashMap, any WeakHashMap method (they
 *       expunge stale entries). Creating a view or an iterator touches nothing; its own calls
 *       do. A call that a program subclass overrides is not recorded (the override is program
 *       code), nor are mutators through an unmodifiable wrapper (they throw).</li>
 *   <li><b>Monitor-based</b> collections (Collections.synchronizedX, Vector, Hashtable): their
 *       synchronized methods and blocks are recorded as monitors ({@code monitors} rules), so the
 *       program's {@code synchronized (wrapper)} and the wrapper's own methods meet on one lock.
 *       The calls a synchronized wrapper makes on the collection it wraps are modelled like
 *       program calls (at the wrapper's line, under its lock): unlocked iteration of the wrapped
 *       collection then races with them.</li>
 * </ul>
 *
 * <p>Calls the JDK makes on collections for its own purposes are not modelled, except the calls
 * a synchronized wrapper makes on what it wraps (always under the wrapper's lock) and the
 * callbacks of {@link CollectionCallbacks} (which skip calls involving no program object).
 */
final class CollectionModels implements ApiModel {

    // What a call does to a concurrent collection (bits).
    private static final int REL_ARG0 = 1;       // releases the element (or key) it inserts
    private static final int REL_ARG1 = 2;       // releases the value it inserts
    private static final int REL_ALL = 4;        // releases every element of the collection/map/array it inserts
    private static final int REL_CONTENTS = 8;   // changes the collection
    private static final int ACQ_BEFORE = 16;    // program callbacks see the contents during the call
    private static final int ACQ_AFTER = 32;     // observes the contents
    private static final int ACQ_RESULT = 64;    // returns an element

    private static final int INSERT = REL_ARG0 | REL_CONTENTS;
    private static final int PUT = REL_ARG0 | REL_ARG1 | REL_CONTENTS | ACQ_RESULT;
    private static final int INSERT_ALL = REL_ALL | REL_CONTENTS;
    private static final int TAKE = REL_CONTENTS | ACQ_RESULT;
    private static final int CHANGE = REL_CONTENTS;
    private static final int TRAVERSE_CHANGE = ACQ_BEFORE | REL_CONTENTS;
    private static final int TRAVERSE = ACQ_BEFORE;
    private static final int OBSERVE = ACQ_AFTER;
    private static final int GET = ACQ_RESULT;

    // What a call does to an unsafe collection.
    private static final int NOTHING = 0;
    private static final int READ = 1;
    private static final int WRITE = 2;
    private static final int LOOKUP = 3;          // a read, but a write on an access-ordered LinkedHashMap

    /** Views and wrappers are at most this deep (an unmodifiable view of a sub-map's key set...). */
    private static final int MAX_HOPS = 8;

    private static final String SYNCHRONIZED_WRAPPERS = "java/util/Collections$Synchronized*";

    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String ITERABLE = "java/lang/Iterable";
    private static final String COLLECTION = "java/util/Collection";
    private static final String LIST = "java/util/List";
    private static final String QUEUE = "java/util/Queue";
    private static final String DEQUE = "java/util/Deque";
    private static final String BLOCKING_QUEUE = "java/util/concurrent/BlockingQueue";
    private static final String BLOCKING_DEQUE = "java/util/concurrent/BlockingDeque";
    private static final String TRANSFER_QUEUE = "java/util/concurrent/TransferQueue";
    private static final String MAP = "java/util/Map";
    private static final String ENTRY = "java/util/Map$Entry";
    private static final String SORTED_MAP = "java/util/SortedMap";
    private static final String NAVIGABLE_MAP = "java/util/NavigableMap";
    private static final String SORTED_SET = "java/util/SortedSet";
    private static final String NAVIGABLE_SET = "java/util/NavigableSet";
    private static final String ITERATOR = "java/util/Iterator";
    private static final String LIST_ITERATOR = "java/util/ListIterator";
    private static final String ENUMERATION = "java/util/Enumeration";
    private static final String COLLECTIONS = "java/util/Collections";
    private static final String CHM = "java/util/concurrent/ConcurrentHashMap";
    private static final String COW_LIST = "java/util/concurrent/CopyOnWriteArrayList";
    private static final String TIMED = "JLjava/util/concurrent/TimeUnit;";
    private static final String DELAY_QUEUE = "java/util/concurrent/DelayQueue";
    private static final String DELAYED = "Ljava/util/concurrent/Delayed;";

    /** One modelled method: where it is declared and what it does to each kind of collection. */
    private static final class Op {
        final String owner;
        final String name;
        final String descriptor;
        final int concurrent;
        final int unsafe;
        int[] refArgs = new int[0];   // parameters passed as a0, a1 (the inserted element, key, value)
        boolean isStatic;     // a static utility: the collection is its first argument
        boolean onIterator;   // a call on an iterator or enumeration, not on the collection itself

        Op(String owner, String name, String descriptor, int concurrent, int unsafe) {
            this.owner = owner;
            this.name = name;
            this.descriptor = descriptor;
            this.concurrent = concurrent;
            this.unsafe = unsafe;
        }

        Op args(int... indexes) {
            this.refArgs = indexes;
            return this;
        }

        Op statically() {
            this.isStatic = true;
            return this;
        }

        Op iterating() {
            this.onIterator = true;
            return this;
        }

        boolean needsBefore() {
            return (concurrent & (REL_ARG0 | REL_ARG1 | REL_ALL | REL_CONTENTS | ACQ_BEFORE)) != 0 || unsafe != NOTHING;
        }

        boolean needsAfter() {
            return (concurrent & (ACQ_AFTER | ACQ_RESULT)) != 0;
        }
    }

    private static Op op(String owner, String name, String descriptor, int concurrent, int unsafe) {
        return new Op(owner, name, descriptor, concurrent, unsafe);
    }

    private static final Op[] OPS = {
            // Iterable, Collection
            op(ITERABLE, "iterator", "()Ljava/util/Iterator;", OBSERVE, NOTHING),
            op(ITERABLE, "spliterator", "()Ljava/util/Spliterator;", OBSERVE, NOTHING),
            op(ITERABLE, "forEach", "(Ljava/util/function/Consumer;)V", TRAVERSE, READ),
            op(COLLECTION, "add", "(" + OBJECT + ")Z", INSERT, WRITE).args(0),
            op(COLLECTION, "addAll", "(Ljava/util/Collection;)Z", INSERT_ALL, WRITE).args(0),
            op(COLLECTION, "remove", "(" + OBJECT + ")Z", CHANGE, WRITE),
            op(COLLECTION, "removeAll", "(Ljava/util/Collection;)Z", TRAVERSE_CHANGE, WRITE),
            op(COLLECTION, "retainAll", "(Ljava/util/Collection;)Z", TRAVERSE_CHANGE, WRITE),
            op(COLLECTION, "removeIf", "(Ljava/util/function/Predicate;)Z", TRAVERSE_CHANGE, WRITE),
            op(COLLECTION, "clear", "()V", CHANGE, WRITE),
            op(COLLECTION, "contains", "(" + OBJECT + ")Z", OBSERVE, READ),
            op(COLLECTION, "containsAll", "(Ljava/util/Collection;)Z", OBSERVE, READ),
            op(COLLECTION, "size", "()I", OBSERVE, READ),
            op(COLLECTION, "isEmpty", "()Z", OBSERVE, READ),
            op(COLLECTION, "toArray", "()[Ljava/lang/Object;", OBSERVE, READ),
            op(COLLECTION, "toArray", "([Ljava/lang/Object;)[Ljava/lang/Object;", OBSERVE, READ),
            op(COLLECTION, "toArray", "(Ljava/util/function/IntFunction;)[Ljava/lang/Object;", OBSERVE, READ),
            // A stream traverses later, in its terminal operation; the read is recorded here.
            op(COLLECTION, "stream", "()Ljava/util/stream/Stream;", OBSERVE, READ),
            op(COLLECTION, "parallelStream", "()Ljava/util/stream/Stream;", OBSERVE, READ),
            op(COLLECTION, "equals", "(" + OBJECT + ")Z", TRAVERSE, READ),
            op(COLLECTION, "hashCode", "()I", TRAVERSE, READ),
            // List
            op(LIST, "get", "(I)" + OBJECT, GET, READ),
            op(LIST, "set", "(I" + OBJECT + ")" + OBJECT, REL_ARG0 | REL_CONTENTS | ACQ_RESULT, WRITE).args(1),
            op(LIST, "add", "(I" + OBJECT + ")V", INSERT, WRITE).args(1),
            op(LIST, "remove", "(I)" + OBJECT, TAKE, WRITE),
            op(LIST, "addAll", "(ILjava/util/Collection;)Z", INSERT_ALL, WRITE).args(1),
            op(LIST, "indexOf", "(" + OBJECT + ")I", OBSERVE, READ),
            op(LIST, "lastIndexOf", "(" + OBJECT + ")I", OBSERVE, READ),
            op(LIST, "listIterator", "()Ljava/util/ListIterator;", OBSERVE, NOTHING),
            op(LIST, "listIterator", "(I)Ljava/util/ListIterator;", OBSERVE, NOTHING),
            op(LIST, "subList", "(II)Ljava/util/List;", OBSERVE, NOTHING),
            op(LIST, "replaceAll", "(Ljava/util/function/UnaryOperator;)V", TRAVERSE_CHANGE, WRITE),
            op(LIST, "sort", "(Ljava/util/Comparator;)V", TRAVERSE_CHANGE, WRITE),
            // Queue, BlockingQueue, TransferQueue
            op(QUEUE, "offer", "(" + OBJECT + ")Z", INSERT, WRITE).args(0),
            op(QUEUE, "poll", "()" + OBJECT, TAKE, WRITE),
            op(QUEUE, "remove", "()" + OBJECT, TAKE, WRITE),
            op(QUEUE, "peek", "()" + OBJECT, GET, READ),
            op(QUEUE, "element", "()" + OBJECT, GET, READ),
            op(BLOCKING_QUEUE, "put", "(" + OBJECT + ")V", INSERT, WRITE).args(0),
            op(BLOCKING_QUEUE, "offer", "(" + OBJECT + TIMED + ")Z", INSERT, WRITE).args(0),
            op(BLOCKING_QUEUE, "take", "()" + OBJECT, TAKE, WRITE),
            op(BLOCKING_QUEUE, "poll", "(" + TIMED + ")" + OBJECT, TAKE, WRITE),
            op(BLOCKING_QUEUE, "remainingCapacity", "()I", OBSERVE, READ),
            op(BLOCKING_QUEUE, "drainTo", "(Ljava/util/Collection;)I", CHANGE | ACQ_AFTER, WRITE),
            op(BLOCKING_QUEUE, "drainTo", "(Ljava/util/Collection;I)I", CHANGE | ACQ_AFTER, WRITE),
            op(TRANSFER_QUEUE, "transfer", "(" + OBJECT + ")V", INSERT, WRITE).args(0),
            op(TRANSFER_QUEUE, "tryTransfer", "(" + OBJECT + ")Z", INSERT, WRITE).args(0),
            op(TRANSFER_QUEUE, "tryTransfer", "(" + OBJECT + TIMED + ")Z", INSERT, WRITE).args(0),
            // Deque, BlockingDeque
            op(DEQUE, "addFirst", "(" + OBJECT + ")V", INSERT, WRITE).args(0),
            op(DEQUE, "addLast", "(" + OBJECT + ")V", INSERT, WRITE).args(0),
            op(DEQUE, "offerFirst", "(" + OBJECT + ")Z", INSERT, WRITE).args(0),
            op(DEQUE, "offerLast", "(" + OBJECT + ")Z", INSERT, WRITE).args(0),
            op(DEQUE, "push", "(" + OBJECT + ")V", INSERT, WRITE).args(0),
            op(DEQUE, "removeFirst", "()" + OBJECT, TAKE, WRITE),
            op(DEQUE, "removeLast", "()" + OBJECT, TAKE, WRITE),
            op(DEQUE, "pollFirst", "()" + OBJECT, TAKE, WRITE),
            op(DEQUE, "pollLast", "()" + OBJECT, TAKE, WRITE),
            op(DEQUE, "pop", "()" + OBJECT, TAKE, WRITE),
            op(DEQUE, "getFirst", "()" + OBJECT, GET, READ),
            op(DEQUE, "getLast", "()" + OBJECT, GET, READ),
            op(DEQUE, "peekFirst", "()" + OBJECT, GET, READ),
            op(DEQUE, "peekLast", "()" + OBJECT, GET, READ),
            op(DEQUE, "removeFirstOccurrence", "(" + OBJECT + ")Z", CHANGE, WRITE),
            op(DEQUE, "removeLastOccurrence", "(" + OBJECT + ")Z", CHANGE, WRITE),
            op(DEQUE, "descendingIterator", "()Ljava/util/Iterator;", OBSERVE, NOTHING),
            op(BLOCKING_DEQUE, "putFirst", "(" + OBJECT + ")V", INSERT, WRITE).args(0),
            op(BLOCKING_DEQUE, "putLast", "(" + OBJECT + ")V", INSERT, WRITE).args(0),
            op(BLOCKING_DEQUE, "offerFirst", "(" + OBJECT + TIMED + ")Z", INSERT, WRITE).args(0),
            op(BLOCKING_DEQUE, "offerLast", "(" + OBJECT + TIMED + ")Z", INSERT, WRITE).args(0),
            op(BLOCKING_DEQUE, "takeFirst", "()" + OBJECT, TAKE, WRITE),
            op(BLOCKING_DEQUE, "takeLast", "()" + OBJECT, TAKE, WRITE),
            op(BLOCKING_DEQUE, "pollFirst", "(" + TIMED + ")" + OBJECT, TAKE, WRITE),
            op(BLOCKING_DEQUE, "pollLast", "(" + TIMED + ")" + OBJECT, TAKE, WRITE),
            // Map
            op(MAP, "get", "(" + OBJECT + ")" + OBJECT, GET, LOOKUP),
            op(MAP, "getOrDefault", "(" + OBJECT + OBJECT + ")" + OBJECT, GET, LOOKUP),
            op(MAP, "containsKey", "(" + OBJECT + ")Z", OBSERVE, READ),
            op(MAP, "containsValue", "(" + OBJECT + ")Z", OBSERVE, READ),
            op(MAP, "size", "()I", OBSERVE, READ),
            op(MAP, "isEmpty", "()Z", OBSERVE, READ),
            op(MAP, "put", "(" + OBJECT + OBJECT + ")" + OBJECT, PUT, WRITE).args(0, 1),
            op(MAP, "putIfAbsent", "(" + OBJECT + OBJECT + ")" + OBJECT, PUT, WRITE).args(0, 1),
            op(MAP, "putAll", "(Ljava/util/Map;)V", INSERT_ALL, WRITE).args(0),
            op(MAP, "remove", "(" + OBJECT + ")" + OBJECT, TAKE, WRITE),
            op(MAP, "remove", "(" + OBJECT + OBJECT + ")Z", CHANGE, WRITE),
            op(MAP, "replace", "(" + OBJECT + OBJECT + ")" + OBJECT, PUT, WRITE).args(0, 1),
            op(MAP, "replace", "(" + OBJECT + OBJECT + OBJECT + ")Z", REL_ARG0 | REL_ARG1 | REL_CONTENTS, WRITE)
                    .args(0, 2),
            op(MAP, "replaceAll", "(Ljava/util/function/BiFunction;)V", TRAVERSE_CHANGE, WRITE),
            // The value a compute callback makes is released inside the JDK (CollectionCallbacks).
            op(MAP, "computeIfAbsent", "(" + OBJECT + "Ljava/util/function/Function;)" + OBJECT,
                    REL_ARG0 | REL_CONTENTS | ACQ_RESULT, WRITE).args(0),
            op(MAP, "computeIfPresent", "(" + OBJECT + "Ljava/util/function/BiFunction;)" + OBJECT,
                    REL_ARG0 | REL_CONTENTS | ACQ_RESULT, WRITE).args(0),
            op(MAP, "compute", "(" + OBJECT + "Ljava/util/function/BiFunction;)" + OBJECT,
                    REL_ARG0 | REL_CONTENTS | ACQ_RESULT, WRITE).args(0),
            op(MAP, "merge", "(" + OBJECT + OBJECT + "Ljava/util/function/BiFunction;)" + OBJECT, PUT, WRITE)
                    .args(0, 1),
            op(MAP, "forEach", "(Ljava/util/function/BiConsumer;)V", TRAVERSE, READ),
            op(MAP, "clear", "()V", CHANGE, WRITE),
            // Views: any descriptor, as concurrent maps narrow their return types (KeySetView...).
            op(MAP, "keySet", null, OBSERVE, NOTHING),
            op(MAP, "values", null, OBSERVE, NOTHING),
            op(MAP, "entrySet", null, OBSERVE, NOTHING),
            op(MAP, "equals", "(" + OBJECT + ")Z", TRAVERSE, READ),
            op(MAP, "hashCode", "()I", TRAVERSE, READ),
            op(ENTRY, "setValue", "(" + OBJECT + ")" + OBJECT, REL_ARG0 | REL_CONTENTS | ACQ_RESULT, WRITE).args(0),
            // SortedMap, NavigableMap
            op(SORTED_MAP, "firstKey", "()" + OBJECT, GET, READ),
            op(SORTED_MAP, "lastKey", "()" + OBJECT, GET, READ),
            op(SORTED_MAP, "headMap", null, OBSERVE, NOTHING),
            op(SORTED_MAP, "tailMap", null, OBSERVE, NOTHING),
            op(SORTED_MAP, "subMap", null, OBSERVE, NOTHING),
            op(NAVIGABLE_MAP, "firstEntry", "()Ljava/util/Map$Entry;", GET, READ),
            op(NAVIGABLE_MAP, "lastEntry", "()Ljava/util/Map$Entry;", GET, READ),
            op(NAVIGABLE_MAP, "lowerEntry", "(" + OBJECT + ")Ljava/util/Map$Entry;", GET, READ),
            op(NAVIGABLE_MAP, "floorEntry", "(" + OBJECT + ")Ljava/util/Map$Entry;", GET, READ),
            op(NAVIGABLE_MAP, "ceilingEntry", "(" + OBJECT + ")Ljava/util/Map$Entry;", GET, READ),
            op(NAVIGABLE_MAP, "higherEntry", "(" + OBJECT + ")Ljava/util/Map$Entry;", GET, READ),
            op(NAVIGABLE_MAP, "lowerKey", "(" + OBJECT + ")" + OBJECT, GET, READ),
            op(NAVIGABLE_MAP, "floorKey", "(" + OBJECT + ")" + OBJECT, GET, READ),
            op(NAVIGABLE_MAP, "ceilingKey", "(" + OBJECT + ")" + OBJECT, GET, READ),
            op(NAVIGABLE_MAP, "higherKey", "(" + OBJECT + ")" + OBJECT, GET, READ),
            op(NAVIGABLE_MAP, "pollFirstEntry", "()Ljava/util/Map$Entry;", TAKE, WRITE),
            op(NAVIGABLE_MAP, "pollLastEntry", "()Ljava/util/Map$Entry;", TAKE, WRITE),
            op(NAVIGABLE_MAP, "descendingMap", null, OBSERVE, NOTHING),
            op(NAVIGABLE_MAP, "navigableKeySet", null, OBSERVE, NOTHING),
            op(NAVIGABLE_MAP, "descendingKeySet", null, OBSERVE, NOTHING),
            // SortedSet, NavigableSet
            op(SORTED_SET, "first", "()" + OBJECT, GET, READ),
            op(SORTED_SET, "last", "()" + OBJECT, GET, READ),
            op(SORTED_SET, "headSet", null, OBSERVE, NOTHING),
            op(SORTED_SET, "tailSet", null, OBSERVE, NOTHING),
            op(SORTED_SET, "subSet", null, OBSERVE, NOTHING),
            op(NAVIGABLE_SET, "lower", "(" + OBJECT + ")" + OBJECT, GET, READ),
            op(NAVIGABLE_SET, "floor", "(" + OBJECT + ")" + OBJECT, GET, READ),
            op(NAVIGABLE_SET, "ceiling", "(" + OBJECT + ")" + OBJECT, GET, READ),
            op(NAVIGABLE_SET, "higher", "(" + OBJECT + ")" + OBJECT, GET, READ),
            op(NAVIGABLE_SET, "pollFirst", "()" + OBJECT, TAKE, WRITE),
            op(NAVIGABLE_SET, "pollLast", "()" + OBJECT, TAKE, WRITE),
            op(NAVIGABLE_SET, "descendingSet", null, OBSERVE, NOTHING),
            op(NAVIGABLE_SET, "descendingIterator", "()Ljava/util/Iterator;", OBSERVE, NOTHING),
            // Iterators, list iterators, enumerations
            op(ITERATOR, "hasNext", "()Z", 0, READ).iterating(),
            op(ITERATOR, "next", "()" + OBJECT, GET, READ).iterating(),
            op(ITERATOR, "remove", "()V", CHANGE, WRITE).iterating(),
            op(ITERATOR, "forEachRemaining", "(Ljava/util/function/Consumer;)V", TRAVERSE, READ).iterating(),
            op(LIST_ITERATOR, "hasPrevious", "()Z", 0, READ).iterating(),
            op(LIST_ITERATOR, "previous", "()" + OBJECT, GET, READ).iterating(),
            op(LIST_ITERATOR, "nextIndex", "()I", 0, READ).iterating(),
            op(LIST_ITERATOR, "previousIndex", "()I", 0, READ).iterating(),
            op(LIST_ITERATOR, "set", "(" + OBJECT + ")V", INSERT, WRITE).args(0).iterating(),
            op(LIST_ITERATOR, "add", "(" + OBJECT + ")V", INSERT, WRITE).args(0).iterating(),
            op(ENUMERATION, "hasMoreElements", "()Z", 0, READ).iterating(),
            op(ENUMERATION, "nextElement", "()" + OBJECT, GET, READ).iterating(),
            // Class-specific methods
            op(CHM, "mappingCount", "()J", OBSERVE, NOTHING),
            op(CHM, "contains", "(" + OBJECT + ")Z", OBSERVE, NOTHING),
            op(CHM, "keys", "()Ljava/util/Enumeration;", OBSERVE, NOTHING),
            op(CHM, "elements", "()Ljava/util/Enumeration;", OBSERVE, NOTHING),
            op(COW_LIST, "addIfAbsent", "(" + OBJECT + ")Z", INSERT, NOTHING).args(0),
            op(COW_LIST, "addAllAbsent", "(Ljava/util/Collection;)I", INSERT_ALL, NOTHING).args(0),
            op("java/util/Properties", "setProperty", "(Ljava/lang/String;Ljava/lang/String;)" + OBJECT, PUT, NOTHING)
                    .args(0, 1),
            op("java/util/Properties", "getProperty", "(Ljava/lang/String;)Ljava/lang/String;", GET, NOTHING),
            op("java/util/Properties", "getProperty", "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;",
                    GET, NOTHING),
            // Bounded type parameters erase to their bound in these classes' own declarations.
            op("java/util/EnumMap", "put", "(Ljava/lang/Enum;" + OBJECT + ")" + OBJECT, PUT, WRITE).args(0, 1),
            op(DELAY_QUEUE, "add", "(" + DELAYED + ")Z", INSERT, NOTHING).args(0),
            op(DELAY_QUEUE, "offer", "(" + DELAYED + ")Z", INSERT, NOTHING).args(0),
            op(DELAY_QUEUE, "put", "(" + DELAYED + ")V", INSERT, NOTHING).args(0),
            op(DELAY_QUEUE, "offer", "(" + DELAYED + TIMED + ")Z", INSERT, NOTHING).args(0),
            op(DELAY_QUEUE, "poll", "()" + DELAYED, TAKE, NOTHING),
            op(DELAY_QUEUE, "take", "()" + DELAYED, TAKE, NOTHING),
            op(DELAY_QUEUE, "poll", "(" + TIMED + ")" + DELAYED, TAKE, NOTHING),
            op(DELAY_QUEUE, "peek", "()" + DELAYED, GET, NOTHING),
            op("java/util/ArrayList", "ensureCapacity", "(I)V", 0, WRITE),
            op("java/util/ArrayList", "trimToSize", "()V", 0, WRITE),
            // clone copies the contents (a read); covariant returns differ, so any descriptor.
            op("java/util/HashMap", "clone", null, 0, READ),
            op("java/util/TreeMap", "clone", null, 0, READ),
            op("java/util/IdentityHashMap", "clone", null, 0, READ),
            op("java/util/EnumMap", "clone", null, 0, READ),
            op("java/util/HashSet", "clone", null, 0, READ),
            op("java/util/TreeSet", "clone", null, 0, READ),
            op("java/util/ArrayList", "clone", null, 0, READ),
            op("java/util/LinkedList", "clone", null, 0, READ),
            op("java/util/ArrayDeque", "clone", null, 0, READ),
            op("java/util/EnumSet", "clone", null, 0, READ),
            op("java/util/concurrent/ConcurrentSkipListMap", "clone", null, OBSERVE, NOTHING),
            op("java/util/concurrent/ConcurrentSkipListSet", "clone", null, OBSERVE, NOTHING),
            op(COW_LIST, "clone", null, OBSERVE, NOTHING),
            // Static utilities on a collection (its first argument)
            op(COLLECTIONS, "sort", "(Ljava/util/List;)V", TRAVERSE_CHANGE, WRITE).args(0).statically(),
            op(COLLECTIONS, "sort", "(Ljava/util/List;Ljava/util/Comparator;)V", TRAVERSE_CHANGE, WRITE).args(0)
                    .statically(),
            op(COLLECTIONS, "shuffle", "(Ljava/util/List;)V", CHANGE, WRITE).args(0).statically(),
            op(COLLECTIONS, "shuffle", "(Ljava/util/List;Ljava/util/Random;)V", CHANGE, WRITE).args(0).statically(),
            op(COLLECTIONS, "reverse", "(Ljava/util/List;)V", CHANGE, WRITE).args(0).statically(),
            op(COLLECTIONS, "swap", "(Ljava/util/List;II)V", CHANGE, WRITE).args(0).statically(),
            op(COLLECTIONS, "rotate", "(Ljava/util/List;I)V", CHANGE, WRITE).args(0).statically(),
            op(COLLECTIONS, "fill", "(Ljava/util/List;" + OBJECT + ")V", INSERT, WRITE).args(0, 1).statically(),
            op(COLLECTIONS, "addAll", "(Ljava/util/Collection;[Ljava/lang/Object;)Z", INSERT_ALL, WRITE).args(0, 1)
                    .statically(),
            op(LIST, "copyOf", "(Ljava/util/Collection;)Ljava/util/List;", OBSERVE, READ).args(0).statically(),
            op("java/util/Set", "copyOf", "(Ljava/util/Collection;)Ljava/util/Set;", OBSERVE, READ).args(0)
                    .statically(),
            op(MAP, "copyOf", "(Ljava/util/Map;)Ljava/util/Map;", OBSERVE, READ).args(0).statically(),
    };

    private static final CollectionModels MODEL = new CollectionModels();

    private CollectionModels() {}

    static void register(CallModels.Builder b) {
        for (int id = 0; id < OPS.length; id++) {
            Op o = OPS[id];
            for (int scope = 0; scope < 2; scope++) {
                // Program call sites; then the same calls made by a synchronized wrapper on the
                // collection it wraps (static utilities are never called there).
                if (scope == 1 && o.isStatic) continue;
                CallModels.Spec s = o.isStatic ? b.staticCall(MODEL, id, o.owner, o.name, o.descriptor)
                        : b.call(MODEL, id, o.owner, o.name, o.descriptor);
                s.refArgs(o.refArgs);
                if (o.needsBefore()) s.before();
                if (o.needsAfter()) s.after();
                // The wrappers call only what their interface has: the rest of the table need not match.
                if (scope == 1) s.in(SYNCHRONIZED_WRAPPERS).optional();
            }
        }
        b.monitors(SYNCHRONIZED_WRAPPERS);
        b.monitors("java/util/Vector*");
        b.monitors("java/util/Stack");
        b.monitors("java/util/Hashtable*");
        CollectionCallbacks.register(b);
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        Op o = OPS[op];
        Object called = o.isStatic ? a0 : recv;
        Object holder = holderOf(called);
        if (holder == null) return;
        CollectionClass c = CollectionClass.of(holder.getClass());
        if (c.kind == CollectionClass.Kind.CONCURRENT) {
            int does = o.concurrent;
            Object inserted = o.isStatic ? a1 : a0;
            if ((does & REL_ARG0) != 0) ev.release(inserted, SyncKeys.PUBLISHED);
            if ((does & REL_ARG1) != 0) ev.release(a1, SyncKeys.PUBLISHED);
            if ((does & REL_ALL) != 0) publishAll(ev, inserted);
            if ((does & ACQ_BEFORE) != 0) ev.acquire(holder, SyncKeys.CONTENTS);
            if ((does & REL_CONTENTS) != 0) ev.release(holder, SyncKeys.CONTENTS);
        } else if (c.kind == CollectionClass.Kind.UNSAFE && o.unsafe != NOTHING) {
            recordAccess(o, ev, called, holder, c);
        }
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        Op o = OPS[op];
        Object holder = holderOf(o.isStatic ? a0 : recv);
        if (holder == null || CollectionClass.of(holder.getClass()).kind != CollectionClass.Kind.CONCURRENT) return;
        if ((o.concurrent & ACQ_AFTER) != 0) ev.acquire(holder, SyncKeys.CONTENTS);
        if ((o.concurrent & ACQ_RESULT) != 0) acquireElement(ev, result);
    }

    /** A read or write of the holder's {@code <contents>}, at the call's site. */
    private static void recordAccess(Op o, ApiEvents ev, Object called, Object holder, CollectionClass c) {
        if (CollectionClass.of(called.getClass()).programOverrides(o.name)) return;
        boolean write = o.unsafe == WRITE
                || (o.unsafe == LOOKUP && c.ordersByAccess(holder))
                || (c.expunges && !o.onIterator);
        if (o.unsafe == WRITE && throughUnmodifiable(called)) return; // it throws, changing nothing
        int field = c.contentsField;
        if (field < 0) c.contentsField = field = ev.field(c.contentsOwner, CollectionClass.CONTENTS_FIELD);
        if (write) ev.write(holder, field);
        else ev.read(holder, field);
    }

    /** The object whose contents a call on {@code called} touches (itself, or what it views), or null. */
    static Object holderOf(Object called) {
        if (called == null) return null;
        Object at = called;
        CollectionClass c = CollectionClass.of(at.getClass());
        for (int hops = 0; c.backing != null; hops++) {
            if (hops == MAX_HOPS) return null;
            at = c.backingOf(at);
            if (at == null) return null;
            c = CollectionClass.of(at.getClass());
        }
        return at;
    }

    private static boolean throughUnmodifiable(Object called) {
        Object at = called;
        CollectionClass c = CollectionClass.of(at.getClass());
        for (int hops = 0; c.backing != null && hops < MAX_HOPS; hops++) {
            if (c.readOnly) return true;
            at = c.backingOf(at);
            if (at == null) return false;
            c = CollectionClass.of(at.getClass());
        }
        return false;
    }

    /**
     * Acquires an element; for a map entry (returned by a navigable map, or made on the fly by
     * an entry iterator, forEach or removeIf), its key and value too.
     */
    static void acquireElement(ApiEvents ev, Object element) {
        if (element == null) return;
        ev.acquire(element, SyncKeys.PUBLISHED);
        if (!(element instanceof Map.Entry)) return;
        Object entry = element;
        CollectionClass c = CollectionClass.of(entry.getClass());
        if (c.readOnly && c.backing != null) { // an unmodifiable map's entry: the entry it wraps
            entry = c.backingOf(entry);
            if (entry == null) return;
            c = CollectionClass.of(entry.getClass());
        }
        if (c.plainEntry) {
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) entry;
            ev.acquire(e.getKey(), SyncKeys.PUBLISHED);
            ev.acquire(e.getValue(), SyncKeys.PUBLISHED);
        }
    }

    /**
     * Releases every element of {@code source} (addAll, putAll): an array, or a collection or
     * map whose copy runs only JDK code (a JDK collection or map over JDK storage). Others are
     * published through {@code CONTENTS} only.
     */
    private static void publishAll(ApiEvents ev, Object source) {
        if (source == null) return;
        if (source instanceof Object[] array) {
            for (Object x : array) ev.release(x, SyncKeys.PUBLISHED);
            return;
        }
        if (!CollectionClass.isJdk(source.getClass())) return;
        Object holder = holderOf(source);
        if (holder == null || !CollectionClass.of(holder.getClass()).copiesSafely(holder.getClass())) return;
        try {
            if (source instanceof Collection<?> collection) {
                for (Object x : collection.toArray()) ev.release(x, SyncKeys.PUBLISHED);
            } else if (source instanceof Map<?, ?> map) {
                for (Object x : map.entrySet().toArray()) {
                    Map.Entry<?, ?> e = (Map.Entry<?, ?>) x;
                    ev.release(e.getKey(), SyncKeys.PUBLISHED);
                    ev.release(e.getValue(), SyncKeys.PUBLISHED);
                }
            }
        } catch (RuntimeException e) {
            // An unsafe source changed while copied (the program's own race): CONTENTS still publishes.
        }
    }
}
