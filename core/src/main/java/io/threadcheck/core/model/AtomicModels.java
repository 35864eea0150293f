package io.threadcheck.core.model;

import io.threadcheck.core.util.WeakIdentityMap;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code java.util.concurrent.atomic}: each method's memory effect as its javadoc states it
 * (most are volatile reads, volatile writes or both), on one location per atomic:
 * <ul>
 *   <li>AtomicInteger/Long/Boolean/Reference, AtomicMarkable/StampedReference, the adders and
 *       accumulators: (the atomic, {@link SyncKeys#SYNC});</li>
 *   <li>AtomicInteger/Long/ReferenceArray: (the atomic array, index), one location per element;</li>
 *   <li>Atomic*FieldUpdater: (the object, the field's id), the location of that volatile field,
 *       so updater writes pair with direct reads of the field and the other way round.</li>
 * </ul>
 * Releases happen just before the call, acquires just after it; read-modify-writes do both.
 * Methods the javadoc gives no ordering (getOpaque, setOpaque, weakCompareAndSetPlain, and the
 * deprecated weakCompareAndSet, which is plain) are not modelled: they neither order nor race.
 * getPlain/setPlain are plain reads/writes of the atomic's value (an element of an atomic array's
 * backing array), so two of them unordered race.
 *
 * <p>Also registers the VarHandle family ({@link VarHandleModels}).
 */
final class AtomicModels implements ApiModel {

    // Effects (low bits) ...
    private static final int ACQUIRE = 1;
    private static final int RELEASE = 2;
    private static final int PLAIN_READ = 4;
    private static final int PLAIN_WRITE = 8;
    private static final int HOLDER_WRITE = 16;   // get(boolean[]) / get(int[]) store into holder[0]
    private static final int ALL_ELEMENTS = 32;   // an atomic array's toString reads every element
    private static final int NEW_UPDATER = 64;    // newUpdater returned: remember its field
    private static final int BOTH = ACQUIRE | RELEASE;
    // ... and whose location (high bits).
    private static final int SCALAR = 0;
    private static final int ELEMENT = 1 << 8;
    private static final int UPDATER = 2 << 8;
    private static final int SHAPE = 3 << 8;

    private static final AtomicModels MODEL = new AtomicModels();
    private static final String PKG = "java/util/concurrent/atomic/";

    private static final String[] NUMBER_METHODS = {"get", "set", "lazySet", "getAndSet", "compareAndSet",
        "getAndIncrement", "getAndDecrement", "getAndAdd", "incrementAndGet", "decrementAndGet", "addAndGet",
        "getAndUpdate", "updateAndGet", "getAndAccumulate", "accumulateAndGet", "toString", "intValue",
        "longValue", "floatValue", "doubleValue", "getPlain", "setPlain", "getAcquire", "setRelease",
        "compareAndExchange", "compareAndExchangeAcquire", "compareAndExchangeRelease",
        "weakCompareAndSetVolatile", "weakCompareAndSetAcquire", "weakCompareAndSetRelease"};
    private static final String[] BOOLEAN_METHODS = {"get", "set", "lazySet", "getAndSet", "compareAndSet",
        "toString", "getPlain", "setPlain", "getAcquire", "setRelease", "compareAndExchange",
        "compareAndExchangeAcquire", "compareAndExchangeRelease", "weakCompareAndSetVolatile",
        "weakCompareAndSetAcquire", "weakCompareAndSetRelease"};
    private static final String[] REFERENCE_METHODS = {"get", "set", "lazySet", "getAndSet", "compareAndSet",
        "getAndUpdate", "updateAndGet", "getAndAccumulate", "accumulateAndGet", "toString", "getPlain",
        "setPlain", "getAcquire", "setRelease", "compareAndExchange", "compareAndExchangeAcquire",
        "compareAndExchangeRelease", "weakCompareAndSetVolatile", "weakCompareAndSetAcquire",
        "weakCompareAndSetRelease"};
    private static final String[] NUMBER_ARRAY_METHODS = {"get", "set", "lazySet", "getAndSet", "compareAndSet",
        "getAndIncrement", "getAndDecrement", "getAndAdd", "incrementAndGet", "decrementAndGet", "addAndGet",
        "getAndUpdate", "updateAndGet", "getAndAccumulate", "accumulateAndGet", "getPlain", "setPlain",
        "getAcquire", "setRelease", "compareAndExchange", "compareAndExchangeAcquire",
        "compareAndExchangeRelease", "weakCompareAndSetVolatile", "weakCompareAndSetAcquire",
        "weakCompareAndSetRelease"};
    private static final String[] REFERENCE_ARRAY_METHODS = {"get", "set", "lazySet", "getAndSet",
        "compareAndSet", "getAndUpdate", "updateAndGet", "getAndAccumulate", "accumulateAndGet", "getPlain",
        "setPlain", "getAcquire", "setRelease", "compareAndExchange", "compareAndExchangeAcquire",
        "compareAndExchangeRelease", "weakCompareAndSetVolatile", "weakCompareAndSetAcquire",
        "weakCompareAndSetRelease"};
    private static final String[] PAIR_METHODS = {"getReference", "compareAndSet", "set"};
    private static final String[] NUMBER_UPDATER_METHODS = {"compareAndSet", "set", "lazySet", "get",
        "getAndSet", "getAndIncrement", "getAndDecrement", "getAndAdd", "incrementAndGet", "decrementAndGet",
        "addAndGet", "getAndUpdate", "updateAndGet", "getAndAccumulate", "accumulateAndGet"};
    private static final String[] REFERENCE_UPDATER_METHODS = {"compareAndSet", "set", "lazySet", "get",
        "getAndSet", "getAndUpdate", "updateAndGet", "getAndAccumulate", "accumulateAndGet"};
    private static final String[] ADDER_METHODS = {"add", "increment", "decrement", "sum", "reset",
        "sumThenReset", "toString", "longValue", "intValue", "floatValue", "doubleValue"};
    private static final String[] ACCUMULATOR_METHODS = {"accumulate", "get", "reset", "getThenReset",
        "toString", "longValue", "intValue", "floatValue", "doubleValue"};

    /** Each updater made by newUpdater, with its field. Weak: updaters made in a loop are collected. */
    private static final WeakIdentityMap<Object, AccessTarget> UPDATERS = new WeakIdentityMap<>();

    private AtomicModels() {}

    static void register(CallModels.Builder b) {
        scalar(b, "AtomicInteger", NUMBER_METHODS);
        scalar(b, "AtomicLong", NUMBER_METHODS);
        scalar(b, "AtomicBoolean", BOOLEAN_METHODS);
        scalar(b, "AtomicReference", REFERENCE_METHODS);
        elements(b, "AtomicIntegerArray", NUMBER_ARRAY_METHODS);
        elements(b, "AtomicLongArray", NUMBER_ARRAY_METHODS);
        elements(b, "AtomicReferenceArray", REFERENCE_ARRAY_METHODS);
        scalar(b, "AtomicMarkableReference", PAIR_METHODS);
        scalar(b, "AtomicMarkableReference", new String[] {"isMarked", "attemptMark"});
        scalar(b, "AtomicStampedReference", PAIR_METHODS);
        scalar(b, "AtomicStampedReference", new String[] {"getStamp", "attemptStamp"});
        // get(boolean[] markHolder) / get(int[] stampHolder): a volatile read that also stores into holder[0].
        b.call(MODEL, SCALAR | ACQUIRE | HOLDER_WRITE, PKG + "AtomicMarkableReference", "get", null)
                .refArgs(0).before().after();
        b.call(MODEL, SCALAR | ACQUIRE | HOLDER_WRITE, PKG + "AtomicStampedReference", "get", null)
                .refArgs(0).before().after();
        updaters(b, "AtomicIntegerFieldUpdater", NUMBER_UPDATER_METHODS);
        updaters(b, "AtomicLongFieldUpdater", NUMBER_UPDATER_METHODS);
        updaters(b, "AtomicReferenceFieldUpdater", REFERENCE_UPDATER_METHODS);
        // newUpdater is caller-sensitive: hooks around the call (the caller is unchanged), never a wrapper.
        b.staticCall(MODEL, NEW_UPDATER, PKG + "AtomicIntegerFieldUpdater", "newUpdater",
                "(Ljava/lang/Class;Ljava/lang/String;)L" + PKG + "AtomicIntegerFieldUpdater;").refArgs(0, 1).after();
        b.staticCall(MODEL, NEW_UPDATER, PKG + "AtomicLongFieldUpdater", "newUpdater",
                "(Ljava/lang/Class;Ljava/lang/String;)L" + PKG + "AtomicLongFieldUpdater;").refArgs(0, 1).after();
        b.staticCall(MODEL, NEW_UPDATER, PKG + "AtomicReferenceFieldUpdater", "newUpdater",
                "(Ljava/lang/Class;Ljava/lang/Class;Ljava/lang/String;)L" + PKG + "AtomicReferenceFieldUpdater;")
                .refArgs(0, 2).after();
        scalar(b, "LongAdder", ADDER_METHODS);
        scalar(b, "DoubleAdder", ADDER_METHODS);
        scalar(b, "LongAccumulator", ACCUMULATOR_METHODS);
        scalar(b, "DoubleAccumulator", ACCUMULATOR_METHODS);

        VarHandleModels.register(b);
    }

    /**
     * The memory effect of atomic method {@code name}, from the javadoc of java.util.concurrent.atomic
     * (the same word means the same thing in every class of the package).
     */
    private static int effect(String name) {
        return switch (name) {
            case "get", "getAcquire", "intValue", "longValue", "floatValue", "doubleValue", "toString",
                 "getReference", "isMarked", "getStamp", "sum",
                 "compareAndExchangeAcquire", "weakCompareAndSetAcquire" -> ACQUIRE;
            case "set", "lazySet", "setRelease", "add", "increment", "decrement", "accumulate", "reset",
                 "compareAndExchangeRelease", "weakCompareAndSetRelease" -> RELEASE;
            case "getAndSet", "compareAndSet", "getAndIncrement", "getAndDecrement", "getAndAdd",
                 "incrementAndGet", "decrementAndGet", "addAndGet", "getAndUpdate", "updateAndGet",
                 "getAndAccumulate", "accumulateAndGet", "compareAndExchange", "weakCompareAndSetVolatile",
                 "attemptMark", "attemptStamp", "sumThenReset", "getThenReset" -> BOTH;
            case "getPlain" -> PLAIN_READ;
            case "setPlain" -> PLAIN_WRITE;
            default -> throw new IllegalArgumentException("no memory effect known for " + name);
        };
    }

    private static void scalar(CallModels.Builder b, String cls, String[] methods) {
        for (String m : methods) add(b.call(MODEL, SCALAR | effect(m), PKG + cls, m, null), effect(m));
    }

    private static void elements(CallModels.Builder b, String cls, String[] methods) {
        for (String m : methods) add(b.call(MODEL, ELEMENT | effect(m), PKG + cls, m, null).numArgs(0), effect(m));
        b.call(MODEL, ELEMENT | ACQUIRE | ALL_ELEMENTS, PKG + cls, "toString", "()Ljava/lang/String;").after();
    }

    private static void updaters(CallModels.Builder b, String cls, String[] methods) {
        for (String m : methods) add(b.call(MODEL, UPDATER | effect(m), PKG + cls, m, null).refArgs(0), effect(m));
    }

    private static void add(CallModels.Spec spec, int effect) {
        if ((effect & (RELEASE | PLAIN_READ | PLAIN_WRITE)) != 0) spec.before();
        if ((effect & ACQUIRE) != 0) spec.after();
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        if (recv == null) return;
        if ((op & HOLDER_WRITE) != 0) ev.arrayRange(a0, 0, 1, true);
        if ((op & (PLAIN_READ | PLAIN_WRITE)) != 0) {
            plain(ev, op, recv, n0, (op & PLAIN_WRITE) != 0);
            return;
        }
        if ((op & RELEASE) == 0) return;
        switch (op & SHAPE) {
            case SCALAR -> ev.release(recv, SyncKeys.SYNC);
            case ELEMENT -> {
                if (n0 >= 0 && n0 <= Integer.MAX_VALUE) ev.release(recv, (int) n0);
            }
            default -> {
                AccessTarget field = UPDATERS.get(recv);
                if (field != null) field.release(ev, a0, 0);
            }
        }
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        if (op == NEW_UPDATER) {
            if (result != null && a0 instanceof Class<?> owner && a1 instanceof String name) {
                UPDATERS.put(result, AccessTarget.instanceField(ev, owner, name));
            }
            return;
        }
        if (recv == null || (op & ACQUIRE) == 0) return;
        switch (op & SHAPE) {
            case SCALAR -> ev.acquire(recv, SyncKeys.SYNC);
            case ELEMENT -> {
                if ((op & ALL_ELEMENTS) != 0) {
                    int n = AtomicInternals.length(recv);
                    for (int i = 0; i < n; i++) ev.acquire(recv, i);
                } else if (n0 >= 0 && n0 <= Integer.MAX_VALUE) {
                    ev.acquire(recv, (int) n0);
                }
            }
            default -> {
                AccessTarget field = UPDATERS.get(recv);
                if (field != null) field.acquire(ev, a0, 0);
            }
        }
    }

    /** getPlain / setPlain: a data access of the value (of an atomic array: of its backing array's element). */
    private static void plain(ApiEvents ev, int op, Object recv, long index, boolean write) {
        if ((op & SHAPE) == ELEMENT) {
            Object backing = AtomicInternals.backing(recv);
            if (backing != null && index >= 0 && index < Integer.MAX_VALUE) {
                ev.arrayRange(backing, (int) index, (int) index + 1, write);
            }
            return;
        }
        int field = AtomicInternals.valueField(ev, recv.getClass());
        if (write) ev.write(recv, field);
        else ev.read(recv, field);
    }

    /** Reflection on the atomics' internals, resolved once; a part that cannot be had stays unmodelled. */
    private static final class AtomicInternals {
        private static final Field INT_ARRAY = backingField("AtomicIntegerArray");
        private static final Field LONG_ARRAY = backingField("AtomicLongArray");
        private static final Field REF_ARRAY = backingField("AtomicReferenceArray");

        /** The id of the value field of an atomic scalar class (of the java.util.concurrent.atomic class it extends). */
        private static final ClassValue<int[]> VALUE_FIELD = new ClassValue<>() {
            @Override
            protected int[] computeValue(Class<?> type) {
                return new int[] {-1};
            }
        };

        private AtomicInternals() {}

        private static Field backingField(String cls) {
            try {
                // The agent opens java.util.concurrent.atomic to threadcheck's module.
                Field f = Class.forName("java.util.concurrent.atomic." + cls).getDeclaredField("array");
                f.setAccessible(true);
                return f;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        static int valueField(ApiEvents ev, Class<?> type) {
            int[] slot = VALUE_FIELD.get(type);
            if (slot[0] < 0) {
                Class<?> atomic = type;
                while (atomic.getSuperclass() != null && !atomic.getName().startsWith("java.util.concurrent.atomic.")) {
                    atomic = atomic.getSuperclass();
                }
                slot[0] = ev.field(atomic.getName(), "value"); // benign race: every thread computes the same id
            }
            return slot[0];
        }

        static Object backing(Object atomicArray) {
            Field f = fieldFor(atomicArray);
            try {
                return f == null ? null : f.get(atomicArray);
            } catch (IllegalAccessException e) {
                return null;
            }
        }

        static int length(Object atomicArray) {
            if (atomicArray instanceof AtomicIntegerArray a) return a.length();
            if (atomicArray instanceof AtomicLongArray a) return a.length();
            if (atomicArray instanceof AtomicReferenceArray<?> a) return a.length();
            return 0;
        }

        private static Field fieldFor(Object atomicArray) {
            if (atomicArray instanceof AtomicIntegerArray) return INT_ARRAY;
            if (atomicArray instanceof AtomicLongArray) return LONG_ARRAY;
            if (atomicArray instanceof AtomicReferenceArray) return REF_ARRAY;
            return null;
        }
    }
}
