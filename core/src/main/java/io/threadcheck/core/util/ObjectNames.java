package io.threadcheck.core.util;

/**
 * Names of program objects for reports, made without running any program code: never
 * {@code toString()}, {@code hashCode()} or {@code equals()}, only the class and the identity
 * hash.
 */
public final class ObjectNames {

    private ObjectNames() {}

    /**
     * {@code class com.example.Counter} for a Class object, {@code int[]@1b6d3586} for an array,
     * otherwise the binary class name and the hex identity hash: {@code com.example.Lock@7a81197d}.
     */
    public static String describe(Object o) {
        if (o == null) return "null";
        if (o instanceof Class<?> c) return "class " + typeName(c);
        return describe(typeName(o.getClass()), System.identityHashCode(o));
    }

    /** {@code typeName@hex}, the form {@link #describe(Object)} gives an ordinary object or array. */
    public static String describe(String typeName, int identityHash) {
        return typeName + '@' + Integer.toHexString(identityHash);
    }

    /**
     * The binary name of a class, with arrays as Java source writes them: {@code int[]},
     * {@code java.lang.String[][]}, {@code com.example.Outer$Inner}.
     */
    public static String typeName(Class<?> c) {
        if (!c.isArray()) return c.getName();
        int dims = 0;
        while (c.isArray()) {
            dims++;
            c = c.getComponentType();
        }
        StringBuilder sb = new StringBuilder(c.getName());
        for (int i = 0; i < dims; i++) sb.append("[]");
        return sb.toString();
    }
}
