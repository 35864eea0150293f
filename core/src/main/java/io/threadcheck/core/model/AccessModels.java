package io.threadcheck.core.model;

import io.threadcheck.core.util.WeakIdentityMap;
import java.lang.reflect.Field;

/**
 * Reads and writes that bypass field and array instructions, recorded as data accesses at the
 * caller's line (before the call, as a bytecode access is):
 * <ul>
 *   <li>{@code System.arraycopy}: reads of the source range, writes of the destination range;</li>
 *   <li>{@code java.util.Arrays}: fill, setAll, parallelSetAll, sort, parallelSort, parallelPrefix
 *       write their range; copyOf, copyOfRange, equals, hashCode, toString and the deep variants
 *       read it (the deep ones only the outer array);</li>
 *   <li>{@code array.clone()}: reads every element;</li>
 *   <li>{@code java.lang.reflect.Array} get/set: one element;</li>
 *   <li>{@code java.lang.reflect.Field} get/set: a plain field is read / written; a volatile one
 *       acquires after a get and releases before a set, on the field's own location; a final
 *       field is never recorded. Field.get is caller-sensitive: hooks around the call only.</li>
 * </ul>
 * Also registers {@code sun.misc.Unsafe} ({@link AccessUnsafeModels}).
 */
final class AccessModels implements ApiModel {

    // Which part of which array argument a call touches.
    private static final int WHOLE = 1;        // a0[0, length)
    private static final int RANGE = 2;        // a0[n0, n1)
    private static final int PREFIX = 3;       // a0[0, n0): copyOf(a, newLength)
    private static final int TWO_WHOLE = 4;    // a0 and a1 entirely: equals(a, b)
    private static final int TWO_RANGES = 5;   // a0[n0, n1) and a1[n2, n2 + n1 - n0): ranged equals
    private static final int ARRAYCOPY = 6;    // reads a0[n0, n0 + n2), writes a1[n1, n1 + n2)
    private static final int ELEMENT = 7;      // a0[n0]
    private static final int CLONE = 8;        // the receiver, entirely (when it is an array)
    private static final int FIELD_GET = 9;
    private static final int FIELD_SET = 10;
    private static final int SHAPE = 15;
    private static final int WRITES = 16;

    private static final AccessModels MODEL = new AccessModels();
    private static final String ARRAYS = "java/util/Arrays";
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String[] ALL_ELEMENTS = {"Z", "B", "C", "S", "I", "J", "F", "D", OBJECT};
    private static final String[] SORTABLE = {"B", "C", "S", "I", "J", "F", "D"};

    /** Each reflected field seen, with its location; Field objects are often kept in a static final. */
    private static final WeakIdentityMap<Field, AccessTarget> FIELDS = new WeakIdentityMap<>();

    private AccessModels() {}

    static void register(CallModels.Builder b) {
        b.staticCall(MODEL, ARRAYCOPY, "java/lang/System", "arraycopy", "(" + OBJECT + "I" + OBJECT + "II)V")
                .refArgs(0, 2).numArgs(1, 3, 4).before();
        for (String t : ALL_ELEMENTS) {
            String a = "[" + t;
            arrays(b, "fill", "(" + a + t + ")V", WHOLE | WRITES);
            arrays(b, "fill", "(" + a + "II" + t + ")V", RANGE | WRITES);
            arrays(b, "equals", "(" + a + a + ")Z", TWO_WHOLE);
            arrays(b, "equals", "(" + a + "II" + a + "II)Z", TWO_RANGES);
            arrays(b, "hashCode", "(" + a + ")I", WHOLE);
            arrays(b, "toString", "(" + a + ")Ljava/lang/String;", WHOLE);
            arrays(b, "copyOf", "(" + a + "I)" + a, PREFIX);
            arrays(b, "copyOfRange", "(" + a + "II)" + a, RANGE);
        }
        for (String t : SORTABLE) {
            for (String m : new String[] {"sort", "parallelSort"}) {
                arrays(b, m, "([" + t + ")V", WHOLE | WRITES);
                arrays(b, m, "([" + t + "II)V", RANGE | WRITES);
            }
        }
        String objects = "[" + OBJECT;
        String comparator = "Ljava/util/Comparator;";
        arrays(b, "sort", "(" + objects + ")V", WHOLE | WRITES);
        arrays(b, "sort", "(" + objects + "II)V", RANGE | WRITES);
        arrays(b, "parallelSort", "([Ljava/lang/Comparable;)V", WHOLE | WRITES);
        arrays(b, "parallelSort", "([Ljava/lang/Comparable;II)V", RANGE | WRITES);
        for (String m : new String[] {"sort", "parallelSort"}) {
            arrays(b, m, "(" + objects + comparator + ")V", WHOLE | WRITES);
            arrays(b, m, "(" + objects + "II" + comparator + ")V", RANGE | WRITES);
        }
        arrays(b, "equals", "(" + objects + objects + comparator + ")Z", TWO_WHOLE);
        arrays(b, "equals", "(" + objects + "II" + objects + "II" + comparator + ")Z", TWO_RANGES);
        arrays(b, "copyOf", "(" + objects + "ILjava/lang/Class;)" + objects, PREFIX);
        arrays(b, "copyOfRange", "(" + objects + "IILjava/lang/Class;)" + objects, RANGE);
        arrays(b, "deepEquals", "(" + objects + objects + ")Z", TWO_WHOLE);
        arrays(b, "deepHashCode", "(" + objects + ")I", WHOLE);
        arrays(b, "deepToString", "(" + objects + ")Ljava/lang/String;", WHOLE);
        String[][] generators = {{objects, "Ljava/util/function/IntFunction;"},
            {"[I", "Ljava/util/function/IntUnaryOperator;"}, {"[J", "Ljava/util/function/IntToLongFunction;"},
            {"[D", "Ljava/util/function/IntToDoubleFunction;"}};
        for (String[] g : generators) {
            arrays(b, "setAll", "(" + g[0] + g[1] + ")V", WHOLE | WRITES);
            arrays(b, "parallelSetAll", "(" + g[0] + g[1] + ")V", WHOLE | WRITES);
        }
        String[][] prefixOps = {{objects, "Ljava/util/function/BinaryOperator;"},
            {"[I", "Ljava/util/function/IntBinaryOperator;"}, {"[J", "Ljava/util/function/LongBinaryOperator;"},
            {"[D", "Ljava/util/function/DoubleBinaryOperator;"}};
        for (String[] p : prefixOps) {
            arrays(b, "parallelPrefix", "(" + p[0] + p[1] + ")V", WHOLE | WRITES);
            arrays(b, "parallelPrefix", "(" + p[0] + "II" + p[1] + ")V", RANGE | WRITES);
        }

        // int[].clone() names the array type as owner; it is a subtype of Object.
        b.call(MODEL, CLONE, "java/lang/Object", "clone", "()" + OBJECT).before();

        String reflectArray = "java/lang/reflect/Array";
        for (String t : ALL_ELEMENTS) {
            String suffix = t.equals(OBJECT) ? "" : kindName(t);
            String value = t.equals(OBJECT) ? OBJECT : t;
            b.staticCall(MODEL, ELEMENT, reflectArray, "get" + suffix, "(" + OBJECT + "I)" + value)
                    .refArgs(0).numArgs(1).before();
            b.staticCall(MODEL, ELEMENT | WRITES, reflectArray, "set" + suffix, "(" + OBJECT + "I" + value + ")V")
                    .refArgs(0).numArgs(1).before();
        }

        String field = "java/lang/reflect/Field";
        for (String t : ALL_ELEMENTS) {
            String suffix = t.equals(OBJECT) ? "" : kindName(t);
            b.call(MODEL, FIELD_GET, field, "get" + suffix, "(" + OBJECT + ")" + t).refArgs(0).before().after();
            b.call(MODEL, FIELD_SET, field, "set" + suffix, "(" + OBJECT + t + ")V").refArgs(0).before();
        }

        AccessUnsafeModels.register(b);
    }

    private static void arrays(CallModels.Builder b, String name, String desc, int op) {
        CallModels.Spec spec = b.staticCall(MODEL, op, ARRAYS, name, desc).before();
        switch (op & SHAPE) {
            case WHOLE -> spec.refArgs(0);
            case RANGE -> spec.refArgs(0).numArgs(1, 2);
            case PREFIX -> spec.refArgs(0).numArgs(1);
            case TWO_WHOLE -> spec.refArgs(0, 1);
            case TWO_RANGES -> spec.refArgs(0, 3).numArgs(1, 2, 4);
            default -> throw new IllegalArgumentException(name + desc);
        }
    }

    private static String kindName(String descriptor) {
        return switch (descriptor) {
            case "Z" -> "Boolean";
            case "B" -> "Byte";
            case "C" -> "Char";
            case "S" -> "Short";
            case "I" -> "Int";
            case "J" -> "Long";
            case "F" -> "Float";
            case "D" -> "Double";
            default -> throw new IllegalArgumentException(descriptor);
        };
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        boolean write = (op & WRITES) != 0;
        switch (op & SHAPE) {
            case WHOLE -> ev.arrayRange(a0, 0, Integer.MAX_VALUE, write);
            case RANGE -> ev.arrayRange(a0, clip(n0), clip(n1), write);
            case PREFIX -> ev.arrayRange(a0, 0, clip(n0), false);
            case TWO_WHOLE -> {
                ev.arrayRange(a0, 0, Integer.MAX_VALUE, false);
                ev.arrayRange(a1, 0, Integer.MAX_VALUE, false);
            }
            case TWO_RANGES -> {
                ev.arrayRange(a0, clip(n0), clip(n1), false);
                ev.arrayRange(a1, clip(n2), clip(n2 + (n1 - n0)), false);
            }
            case ARRAYCOPY -> {
                // Nothing is copied when any argument is bad (the call throws first).
                if (n2 <= 0 || n0 < 0 || n1 < 0) return;
                ev.arrayRange(a0, clip(n0), clip(n0 + n2), false);
                ev.arrayRange(a1, clip(n1), clip(n1 + n2), true);
            }
            case ELEMENT -> ev.arrayRange(a0, clip(n0), clip(n0 + 1), write);
            case CLONE -> {
                if (recv != null && recv.getClass().isArray()) ev.arrayRange(recv, 0, Integer.MAX_VALUE, false);
            }
            case FIELD_GET -> {
                AccessTarget t = field(ev, recv);
                if (t != null && !t.isVolatile()) t.read(ev, a0, 0);
            }
            case FIELD_SET -> {
                AccessTarget t = field(ev, recv);
                if (t == null) return;
                if (t.isVolatile()) t.release(ev, a0, 0);
                else t.write(ev, a0, 0);
            }
            default -> { }
        }
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        if ((op & SHAPE) != FIELD_GET) return;
        AccessTarget t = field(ev, recv);
        if (t != null && t.isVolatile()) t.acquire(ev, a0, 0);
    }

    private static AccessTarget field(ApiEvents ev, Object recv) {
        if (!(recv instanceof Field f)) return null;
        AccessTarget t = FIELDS.get(f);
        if (t == null) {
            t = AccessTarget.of(ev, f);
            FIELDS.put(f, t);
        }
        return t;
    }

    /** An int bound from a long argument; the out-of-range ones are clipped by arrayRange anyway. */
    private static int clip(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
