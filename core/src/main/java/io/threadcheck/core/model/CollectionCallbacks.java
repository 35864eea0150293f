package io.threadcheck.core.model;

import java.util.Map;

/**
 * Program code that a concurrent collection runs inside the JDK, on elements other threads
 * inserted: {@code equals}, {@code hashCode}, {@code compareTo} and comparators on stored
 * keys (lookups, ordered insertion), {@code Delayed.getDelay} (DelayQueue), and the callbacks of
 * compute/merge, forEach, removeIf, replaceAll and spliterators. The collection hands these
 * an element only after its insertion, so each call first acquires the elements it is given
 * ({@link SyncKeys#PUBLISHED}); a compute function's result is released as soon as it returns,
 * before the map makes it visible to other threads.
 *
 * <p>These are JDK-scoped call rules, so the JDK's own use of these collections reaches them
 * too: a call only counts when program code takes part (the callback, the element or the
 * result is of a program class), which leaves the JDK's internal maps of strings and classes
 * out at the cost of a class check.
 */
final class CollectionCallbacks implements ApiModel {

    static final int ELEMENTS = 0;   // receiver and arguments are elements: acquire them
    static final int ARGUMENTS = 1;  // a comparator: its arguments are elements
    static final int CALLBACK = 2;   // a program callback given elements; apply also returns one

    private static final CollectionCallbacks MODEL = new CollectionCallbacks();

    /**
     * The concurrent collections that call program code themselves, with their nested classes
     * (iterators, views, spliterators, bins). ConcurrentSkipListSet and CopyOnWriteArraySet call
     * it through the map or list they wrap; SynchronousQueue never does.
     */
    private static final String[] SCOPES = {
            "java/util/concurrent/ConcurrentHashMap*",
            "java/util/concurrent/ConcurrentSkipListMap*",
            "java/util/concurrent/ConcurrentLinkedQueue*",
            "java/util/concurrent/ConcurrentLinkedDeque*",
            "java/util/concurrent/CopyOnWriteArrayList*",
            "java/util/concurrent/ArrayBlockingQueue*",
            "java/util/concurrent/LinkedBlockingQueue*",
            "java/util/concurrent/LinkedBlockingDeque*",
            "java/util/concurrent/PriorityBlockingQueue*",
            "java/util/concurrent/DelayQueue*",
            "java/util/concurrent/LinkedTransferQueue*",
            // DelayQueue keeps its elements in a PriorityQueue, whose sift compares them.
            "java/util/PriorityQueue",
    };

    private CollectionCallbacks() {}

    static void register(CallModels.Builder b) {
        String object = "Ljava/lang/Object;";
        // One table for every collection class: each has only some of these callbacks (optional rows).
        for (String scope : SCOPES) {
            b.call(MODEL, ELEMENTS, "java/lang/Object", "equals", "(" + object + ")Z").refArgs(0).before().in(scope).optional();
            b.call(MODEL, ELEMENTS, "java/lang/Object", "hashCode", "()I").before().in(scope).optional();
            b.call(MODEL, ELEMENTS, "java/lang/Comparable", "compareTo", "(" + object + ")I").refArgs(0).before()
                    .in(scope).optional();
            b.call(MODEL, ARGUMENTS, "java/util/Comparator", "compare", "(" + object + object + ")I").refArgs(0, 1)
                    .before().in(scope).optional();
            b.call(MODEL, ELEMENTS, "java/util/concurrent/Delayed", "getDelay", "(Ljava/util/concurrent/TimeUnit;)J")
                    .before().in(scope).optional();
            b.call(MODEL, CALLBACK, "java/util/function/Function", "apply", "(" + object + ")" + object).refArgs(0)
                    .before().after().in(scope).optional();
            b.call(MODEL, CALLBACK, "java/util/function/BiFunction", "apply", "(" + object + object + ")" + object)
                    .refArgs(0, 1).before().after().in(scope).optional();
            b.call(MODEL, CALLBACK, "java/util/function/Consumer", "accept", "(" + object + ")V").refArgs(0).before()
                    .in(scope).optional();
            b.call(MODEL, CALLBACK, "java/util/function/BiConsumer", "accept", "(" + object + object + ")V")
                    .refArgs(0, 1).before().in(scope).optional();
            b.call(MODEL, CALLBACK, "java/util/function/Predicate", "test", "(" + object + ")Z").refArgs(0).before()
                    .in(scope).optional();
        }
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        Object self = op == ELEMENTS ? recv : null; // a comparator or callback is not an element
        if (!isProgram(recv) && !isProgram(a0) && !isProgram(a1)) return;
        CollectionModels.acquireElement(ev, self);
        CollectionModels.acquireElement(ev, a0);
        CollectionModels.acquireElement(ev, a1);
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        // Only apply (compute, merge, replaceAll, bulk transformers) is hooked after.
        if (result == null || (!isProgram(recv) && !isProgram(a0) && !isProgram(a1) && !isProgram(result))) return;
        ev.release(result, SyncKeys.PUBLISHED);
    }

    /** True for an object of a program class, or a JDK entry holding one. */
    private static boolean isProgram(Object o) {
        if (o == null) return false;
        if (!CollectionClass.isJdk(o.getClass())) return true;
        if (o instanceof Map.Entry<?, ?> e && CollectionClass.of(o.getClass()).plainEntry) {
            Object key = e.getKey();
            Object value = e.getValue();
            return (key != null && !CollectionClass.isJdk(key.getClass()))
                    || (value != null && !CollectionClass.isJdk(value.getClass()));
        }
        return false;
    }
}
