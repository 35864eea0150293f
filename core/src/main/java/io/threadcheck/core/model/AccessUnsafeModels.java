package io.threadcheck.core.model;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * {@code sun.misc.Unsafe} accesses by (base, offset). The offset is tied to its field where the
 * program gets it ({@code objectFieldOffset}, {@code staticFieldOffset}) and to array elements
 * through {@code arrayBaseOffset} / {@code arrayIndexScale}; an access then acts on that
 * field's or element's location ({@link AccessTarget}):
 * <ul>
 *   <li>getX / putX (Object, long): plain read / write;</li>
 *   <li>getXVolatile: acquire after; putXVolatile, putOrderedX: release before;</li>
 *   <li>compareAndSwapX, getAndAddX, getAndSetX: both;</li>
 *   <li>storeFence releases, loadFence acquires, fullFence both, on the fence location
 *       ({@link VarHandleModels}).</li>
 * </ul>
 * A static field's base is its class ({@code staticFieldBase}), so a Class base is looked up
 * among that class's static offsets. Offsets the program computed some other way (constants,
 * arithmetic on a field offset), raw addresses, and copyMemory/setMemory are not recorded.
 */
final class AccessUnsafeModels implements ApiModel {

    private static final int ACQUIRE = 1;
    private static final int RELEASE = 2;
    private static final int READ = 4;
    private static final int WRITE = 8;
    private static final int BOTH = ACQUIRE | RELEASE;
    private static final int FIELD_OFFSET = 16;
    private static final int STATIC_OFFSET = 32;
    private static final int ARRAY_BASE = 64;
    private static final int ARRAY_SCALE = 128;
    private static final int FENCE = 256;

    private static final AccessUnsafeModels MODEL = new AccessUnsafeModels();
    private static final String UNSAFE = "sun/misc/Unsafe";
    private static final String OBJECT = "Ljava/lang/Object;";

    /** Method-name part and descriptor of each kind of value Unsafe reads and writes. */
    private static final String[][] VALUE_KINDS = {{"Int", "I"}, {"Long", "J"}, {"Object", OBJECT},
        {"Boolean", "Z"}, {"Byte", "B"}, {"Short", "S"}, {"Char", "C"}, {"Float", "F"}, {"Double", "D"}};

    /** Instance-field offsets of each class that declares a field whose offset the program took. */
    private static final ClassValue<AccessOffsets> INSTANCE_OFFSETS = offsetTables();
    /** Static-field offsets, by the declaring class (which is also the base of its static fields). */
    private static final ClassValue<AccessOffsets> STATIC_OFFSETS = offsetTables();
    /** Base offset and index scale of each array class, as the program asked for them. */
    private static final ClassValue<long[]> ARRAY_LAYOUT = new ClassValue<>() {
        @Override
        protected long[] computeValue(Class<?> type) {
            return new long[] {-1, -1}; // base, scale: unknown until asked for
        }
    };

    private AccessUnsafeModels() {}

    private static ClassValue<AccessOffsets> offsetTables() {
        return new ClassValue<>() {
            @Override
            protected AccessOffsets computeValue(Class<?> type) {
                return new AccessOffsets();
            }
        };
    }

    static void register(CallModels.Builder b) {
        b.call(MODEL, FIELD_OFFSET, UNSAFE, "objectFieldOffset", "(Ljava/lang/reflect/Field;)J").refArgs(0).after();
        b.call(MODEL, STATIC_OFFSET, UNSAFE, "staticFieldOffset", "(Ljava/lang/reflect/Field;)J").refArgs(0).after();
        b.call(MODEL, ARRAY_BASE, UNSAFE, "arrayBaseOffset", "(Ljava/lang/Class;)I").refArgs(0).after();
        b.call(MODEL, ARRAY_SCALE, UNSAFE, "arrayIndexScale", "(Ljava/lang/Class;)I").refArgs(0).after();
        for (String[] kind : VALUE_KINDS) {
            String name = kind[0];
            String t = kind[1];
            String get = "(" + OBJECT + "J)" + t;
            String put = "(" + OBJECT + "J" + t + ")V";
            b.call(MODEL, READ, UNSAFE, "get" + name, get).refArgs(0).numArgs(1).before();
            b.call(MODEL, WRITE, UNSAFE, "put" + name, put).refArgs(0).numArgs(1).before();
            b.call(MODEL, ACQUIRE, UNSAFE, "get" + name + "Volatile", get).refArgs(0).numArgs(1).after();
            b.call(MODEL, RELEASE, UNSAFE, "put" + name + "Volatile", put).refArgs(0).numArgs(1).before();
        }
        for (String[] kind : new String[][] {{"Int", "I"}, {"Long", "J"}, {"Object", OBJECT}}) {
            String name = kind[0];
            String t = kind[1];
            b.call(MODEL, RELEASE, UNSAFE, "putOrdered" + name, "(" + OBJECT + "J" + t + ")V")
                    .refArgs(0).numArgs(1).before();
            b.call(MODEL, BOTH, UNSAFE, "compareAndSwap" + name, "(" + OBJECT + "J" + t + t + ")Z")
                    .refArgs(0).numArgs(1).before().after();
            b.call(MODEL, BOTH, UNSAFE, "getAndSet" + name, "(" + OBJECT + "J" + t + ")" + t)
                    .refArgs(0).numArgs(1).before().after();
        }
        b.call(MODEL, BOTH, UNSAFE, "getAndAddInt", "(" + OBJECT + "JI)I").refArgs(0).numArgs(1).before().after();
        b.call(MODEL, BOTH, UNSAFE, "getAndAddLong", "(" + OBJECT + "JJ)J").refArgs(0).numArgs(1).before().after();
        b.call(MODEL, FENCE | RELEASE, UNSAFE, "storeFence", "()V").before();
        b.call(MODEL, FENCE | ACQUIRE, UNSAFE, "loadFence", "()V").after();
        b.call(MODEL, FENCE | BOTH, UNSAFE, "fullFence", "()V").before().after();
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        if ((op & FENCE) != 0) {
            VarHandleModels.fenceRelease(ev);
            return;
        }
        if (a0 == null) return; // a raw address: not a Java variable
        if ((op & READ) != 0) access(ev, a0, n0, false);
        else if ((op & WRITE) != 0) access(ev, a0, n0, true);
        else if ((op & RELEASE) != 0) sync(ev, a0, n0, true);
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        if ((op & FENCE) != 0) {
            VarHandleModels.fenceAcquire(ev);
        } else if ((op & (FIELD_OFFSET | STATIC_OFFSET)) != 0) {
            if (a0 instanceof Field f && Modifier.isStatic(f.getModifiers()) == ((op & STATIC_OFFSET) != 0)) {
                (Modifier.isStatic(f.getModifiers()) ? STATIC_OFFSETS : INSTANCE_OFFSETS)
                        .get(f.getDeclaringClass()).add(numResult, AccessTarget.of(ev, f));
            }
        } else if ((op & (ARRAY_BASE | ARRAY_SCALE)) != 0) {
            if (a0 instanceof Class<?> c && c.isArray()) ARRAY_LAYOUT.get(c)[(op & ARRAY_BASE) != 0 ? 0 : 1] = numResult;
        } else if ((op & ACQUIRE) != 0 && a0 != null) {
            sync(ev, a0, n0, false);
        }
    }

    private static void access(ApiEvents ev, Object base, long offset, boolean write) {
        AccessTarget target = targetOf(base, offset);
        if (target == null) return;
        long index = base.getClass().isArray() ? elementIndex(base.getClass(), offset) : 0;
        if (write) target.write(ev, base, index);
        else target.read(ev, base, index);
    }

    private static void sync(ApiEvents ev, Object base, long offset, boolean release) {
        AccessTarget target = targetOf(base, offset);
        if (target == null) return;
        long index = base.getClass().isArray() ? elementIndex(base.getClass(), offset) : 0;
        if (release) target.release(ev, base, index);
        else target.acquire(ev, base, index);
    }

    /** The variable at {@code offset} from {@code base}, or null when the offset's origin was not seen. */
    private static AccessTarget targetOf(Object base, long offset) {
        Class<?> type = base.getClass();
        if (type.isArray()) return elementIndex(type, offset) >= 0 ? AccessTarget.ARRAY_ELEMENT : null;
        if (base instanceof Class<?> c) {
            AccessTarget statics = STATIC_OFFSETS.get(c).find(offset);
            if (statics != null) return statics;
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            AccessTarget t = INSTANCE_OFFSETS.get(c).find(offset);
            if (t != null) return t;
        }
        return null;
    }

    /** The element at {@code offset} of an array of {@code type}, or -1 when its layout is unknown. */
    private static long elementIndex(Class<?> type, long offset) {
        long[] layout = ARRAY_LAYOUT.get(type);
        long base = layout[0];
        long scale = layout[1];
        if (base < 0 || scale <= 0 || offset < base || (offset - base) % scale != 0) return -1;
        return (offset - base) / scale;
    }
}
