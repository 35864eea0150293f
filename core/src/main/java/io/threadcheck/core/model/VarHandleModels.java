package io.threadcheck.core.model;

import io.threadcheck.core.util.WeakIdentityMap;
import java.lang.reflect.Field;

/**
 * {@code java.lang.invoke.VarHandle}. A VarHandle names its field only inside the JDK, so the
 * field is taken where the handle is made: {@code Lookup.findVarHandle},
 * {@code findStaticVarHandle}, {@code unreflectVarHandle} and
 * {@code MethodHandles.arrayElementVarHandle} (and {@code withInvokeExactBehavior} /
 * {@code withInvokeBehavior}, which return another handle on the same variable). These calls
 * are usually in a static initialiser; the mapping is recorded there all the same.
 *
 * <p>Each access mode then acts on the location of that field or element ({@link AccessTarget}),
 * the same location a bytecode access uses:
 * <ul>
 *   <li>get / set: plain read / write;</li>
 *   <li>getVolatile, getAcquire, compareAndExchangeAcquire, weakCompareAndSetAcquire,
 *       getAndXxxAcquire: acquire after the call;</li>
 *   <li>setVolatile, setRelease, compareAndExchangeRelease, weakCompareAndSetRelease,
 *       getAndXxxRelease: release before the call;</li>
 *   <li>compareAndSet, compareAndExchange, weakCompareAndSet, getAndSet, getAndAdd,
 *       getAndBitwiseOr/And/Xor: both;</li>
 *   <li>getOpaque, setOpaque, weakCompareAndSetPlain: nothing. Opaque and plain-CAS accesses
 *       are atomic (they never race with each other) but order nothing else.</li>
 * </ul>
 * Handles made some other way (byte-array and buffer views, a library's handle) are not known
 * and their accesses are not recorded.
 *
 * <p>Fences ({@link #FENCES}): {@code releaseFence} and {@code storeStoreFence} release,
 * {@code acquireFence} and {@code loadLoadFence} acquire, {@code fullFence} does both, all on
 * one location shared by every thread (Unsafe's fences too). A fence orders through whatever
 * plain or opaque access follows or precedes it, which the model cannot see, so it
 * over-approximates: every acquiring fence is ordered after every earlier releasing fence.
 * Correct fence-based code reports nothing; races between threads that both fence may be missed.
 */
final class VarHandleModels implements ApiModel {

    private static final int ACQUIRE = 1;
    private static final int RELEASE = 2;
    private static final int READ = 4;
    private static final int WRITE = 8;
    private static final int BOTH = ACQUIRE | RELEASE;
    private static final int FIELD_HANDLE = 16;    // findVarHandle / findStaticVarHandle returned
    private static final int FIELD_REFLECTED = 32; // unreflectVarHandle returned
    private static final int ARRAY_HANDLE = 64;    // arrayElementVarHandle returned
    private static final int SAME_VARIABLE = 128;  // withInvoke(Exact)Behavior returned
    private static final int FENCE = 256;
    private static final int STATIC = 512;

    /** The one location all fences release to and acquire from. */
    static final Object FENCES = new Object();

    private static final VarHandleModels MODEL = new VarHandleModels();
    private static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
    private static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";
    private static final String FIND_DESC = "(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)L" + VAR_HANDLE + ";";

    /** Every access mode with an effect (VarHandle.AccessMode, by method name). */
    private static final String[] ACQUIRING = {"getVolatile", "getAcquire", "compareAndExchangeAcquire",
        "weakCompareAndSetAcquire", "getAndSetAcquire", "getAndAddAcquire", "getAndBitwiseOrAcquire",
        "getAndBitwiseAndAcquire", "getAndBitwiseXorAcquire"};
    private static final String[] RELEASING = {"setVolatile", "setRelease", "compareAndExchangeRelease",
        "weakCompareAndSetRelease", "getAndSetRelease", "getAndAddRelease", "getAndBitwiseOrRelease",
        "getAndBitwiseAndRelease", "getAndBitwiseXorRelease"};
    private static final String[] ACQUIRING_AND_RELEASING = {"compareAndSet", "compareAndExchange",
        "weakCompareAndSet", "getAndSet", "getAndAdd", "getAndBitwiseOr", "getAndBitwiseAnd", "getAndBitwiseXor"};

    /** Each VarHandle made by a call we saw, with its variable. Weak: handles made in a loop are collected. */
    private static final WeakIdentityMap<Object, AccessTarget> HANDLES = new WeakIdentityMap<>();

    private VarHandleModels() {}

    static void register(CallModels.Builder b) {
        b.call(MODEL, FIELD_HANDLE, LOOKUP, "findVarHandle", FIND_DESC).refArgs(0, 1).after();
        b.call(MODEL, FIELD_HANDLE | STATIC, LOOKUP, "findStaticVarHandle", FIND_DESC).refArgs(0, 1).after();
        b.call(MODEL, FIELD_REFLECTED, LOOKUP, "unreflectVarHandle",
                "(Ljava/lang/reflect/Field;)L" + VAR_HANDLE + ";").refArgs(0).after();
        b.staticCall(MODEL, ARRAY_HANDLE, "java/lang/invoke/MethodHandles", "arrayElementVarHandle",
                "(Ljava/lang/Class;)L" + VAR_HANDLE + ";").after();
        b.call(MODEL, SAME_VARIABLE, VAR_HANDLE, "withInvokeExactBehavior", "()L" + VAR_HANDLE + ";").after();
        b.call(MODEL, SAME_VARIABLE, VAR_HANDLE, "withInvokeBehavior", "()L" + VAR_HANDLE + ";").after();

        // Signature-polymorphic: no descriptor. Coordinates come first: (obj, values...) for an
        // instance field, (values...) for a static one, (array, int index, values...) for an element.
        b.call(MODEL, READ, VAR_HANDLE, "get", null).refArgs(0).numArgs(1).before();
        b.call(MODEL, WRITE, VAR_HANDLE, "set", null).refArgs(0).numArgs(1).before();
        for (String m : ACQUIRING) b.call(MODEL, ACQUIRE, VAR_HANDLE, m, null).refArgs(0).numArgs(1).after();
        for (String m : RELEASING) b.call(MODEL, RELEASE, VAR_HANDLE, m, null).refArgs(0).numArgs(1).before();
        for (String m : ACQUIRING_AND_RELEASING) {
            b.call(MODEL, BOTH, VAR_HANDLE, m, null).refArgs(0).numArgs(1).before().after();
        }

        b.staticCall(MODEL, FENCE | RELEASE, VAR_HANDLE, "releaseFence", "()V").before();
        b.staticCall(MODEL, FENCE | RELEASE, VAR_HANDLE, "storeStoreFence", "()V").before();
        b.staticCall(MODEL, FENCE | ACQUIRE, VAR_HANDLE, "acquireFence", "()V").after();
        b.staticCall(MODEL, FENCE | ACQUIRE, VAR_HANDLE, "loadLoadFence", "()V").after();
        b.staticCall(MODEL, FENCE | BOTH, VAR_HANDLE, "fullFence", "()V").before().after();
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        if ((op & FENCE) != 0) {
            fenceRelease(ev);
            return;
        }
        AccessTarget target = recv == null ? null : HANDLES.get(recv);
        if (target == null) return;
        if ((op & READ) != 0) target.read(ev, a0, n0);
        else if ((op & WRITE) != 0) target.write(ev, a0, n0);
        else if ((op & RELEASE) != 0) target.release(ev, a0, n0);
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        if ((op & FENCE) != 0) {
            fenceAcquire(ev);
            return;
        }
        if ((op & (FIELD_HANDLE | FIELD_REFLECTED | ARRAY_HANDLE | SAME_VARIABLE)) != 0) {
            if (result != null) remember(op, ev, recv, a0, a1, result);
            return;
        }
        AccessTarget target = recv == null ? null : HANDLES.get(recv);
        if (target != null && (op & ACQUIRE) != 0) target.acquire(ev, a0, n0);
    }

    private static void remember(int op, ApiEvents ev, Object recv, Object a0, Object a1, Object handle) {
        AccessTarget target = null;
        if ((op & FIELD_HANDLE) != 0) {
            if (a0 instanceof Class<?> refc && a1 instanceof String name) {
                target = AccessTarget.resolve(ev, refc, name, (op & STATIC) != 0);
            }
        } else if ((op & FIELD_REFLECTED) != 0) {
            if (a0 instanceof Field f) target = AccessTarget.of(ev, f);
        } else if ((op & ARRAY_HANDLE) != 0) {
            target = AccessTarget.ARRAY_ELEMENT;
        } else if (recv != null) {
            target = HANDLES.get(recv);
        }
        if (target != null) HANDLES.put(handle, target);
    }

    /** A releasing fence (also Unsafe.storeFence): everything before it is visible to later acquiring fences. */
    static void fenceRelease(ApiEvents ev) {
        ev.release(FENCES, SyncKeys.SYNC);
    }

    /** An acquiring fence (also Unsafe.loadFence). */
    static void fenceAcquire(ApiEvents ev) {
        ev.acquire(FENCES, SyncKeys.SYNC);
    }
}
