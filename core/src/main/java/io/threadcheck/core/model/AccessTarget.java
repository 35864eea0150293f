package io.threadcheck.core.model;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * A memory location reached without a field or array instruction: what a field updater, a
 * VarHandle, a reflective {@link Field} or an Unsafe offset stands for. Its events land on the
 * same variables and synchronisation locations as the bytecode accesses of that field or
 * element, so the two kinds of access pair up:
 * <ul>
 *   <li>an instance field: data accesses of ({@code obj}, field id), release/acquire on
 *       ({@code obj}, field id), the location of a volatile field;</li>
 *   <li>a static field: data accesses with no object, release/acquire through
 *       {@link ApiEvents#releaseStatic} (the location of a static volatile);</li>
 *   <li>an array element: data accesses of ({@code array}, index), release/acquire on
 *       ({@code array}, index).</li>
 * </ul>
 * Final fields are never recorded (as for bytecode accesses): their value is fixed once the
 * object is constructed. Immutable, shared by every thread.
 */
final class AccessTarget {

    private static final int INSTANCE = 0;
    private static final int STATIC = 1;
    private static final int ARRAY = 2;

    /** Any element of any array: the element is named by the access itself. */
    static final AccessTarget ARRAY_ELEMENT = new AccessTarget(ARRAY, -1, false, false);

    private final int kind;
    private final int field;
    private final boolean isFinal;
    private final boolean isVolatile;

    private AccessTarget(int kind, int field, boolean isFinal, boolean isVolatile) {
        this.kind = kind;
        this.field = field;
        this.isFinal = isFinal;
        this.isVolatile = isVolatile;
    }

    /** The location of reflected field {@code f}. */
    static AccessTarget of(ApiEvents ev, Field f) {
        int mods = f.getModifiers();
        return new AccessTarget(Modifier.isStatic(mods) ? STATIC : INSTANCE,
                ev.field(f.getDeclaringClass().getName(), f.getName()),
                Modifier.isFinal(mods), Modifier.isVolatile(mods));
    }

    /** Instance field {@code name} declared by {@code owner} (a field updater's field: volatile, not final). */
    static AccessTarget instanceField(ApiEvents ev, Class<?> owner, String name) {
        return new AccessTarget(INSTANCE, ev.field(owner.getName(), name), false, true);
    }

    /**
     * The field {@code name} as a VarHandle lookup resolves it from {@code refc}: declared there
     * or inherited from a superclass (and, for a static field, a superinterface). Null when absent.
     */
    static AccessTarget resolve(ApiEvents ev, Class<?> refc, String name, boolean wantStatic) {
        Field f = find(refc, name, wantStatic, 0);
        return f == null ? null : of(ev, f);
    }

    private static Field find(Class<?> c, String name, boolean wantStatic, int depth) {
        // Runs once per VarHandle made: getDeclaredField's exception for a miss is affordable.
        for (; c != null && depth < 64; c = c.getSuperclass(), depth++) {
            try {
                Field f = c.getDeclaredField(name);
                if (Modifier.isStatic(f.getModifiers()) == wantStatic) return f;
            } catch (NoSuchFieldException absent) {
                // look further up
            }
            if (wantStatic) {
                for (Class<?> itf : c.getInterfaces()) {
                    Field f = find(itf, name, true, depth + 1);
                    if (f != null) return f;
                }
            }
        }
        return null;
    }

    /** True for a volatile field: a reflective get or set of it acquires or releases. */
    boolean isVolatile() {
        return isVolatile;
    }

    /** A plain read. {@code obj}: the object (ignored for a static field) or array; {@code index}: the element. */
    void read(ApiEvents ev, Object obj, long index) {
        access(ev, obj, index, false);
    }

    /** A plain write. */
    void write(ApiEvents ev, Object obj, long index) {
        access(ev, obj, index, true);
    }

    private void access(ApiEvents ev, Object obj, long index, boolean write) {
        if (isFinal) return;
        switch (kind) {
            case INSTANCE -> {
                if (obj == null) return; // the call throws NullPointerException
                if (write) ev.write(obj, field);
                else ev.read(obj, field);
            }
            case STATIC -> {
                if (write) ev.write(null, field);
                else ev.read(null, field);
            }
            default -> {
                if (index >= 0 && index < Integer.MAX_VALUE) ev.arrayRange(obj, (int) index, (int) index + 1, write);
            }
        }
    }

    /** A release on this location (a volatile-mode write, the release half of an atomic update). */
    void release(ApiEvents ev, Object obj, long index) {
        sync(ev, obj, index, true);
    }

    /** An acquire on this location. */
    void acquire(ApiEvents ev, Object obj, long index) {
        sync(ev, obj, index, false);
    }

    private void sync(ApiEvents ev, Object obj, long index, boolean release) {
        if (isFinal) return;
        switch (kind) {
            case INSTANCE -> {
                if (release) ev.release(obj, field);
                else ev.acquire(obj, field);
            }
            case STATIC -> {
                if (release) ev.releaseStatic(field);
                else ev.acquireStatic(field);
            }
            default -> {
                // Element keys are the index (>= 0): never a SyncKeys constant.
                if (obj == null || !obj.getClass().isArray() || index < 0 || index > Integer.MAX_VALUE) return;
                if (release) ev.release(obj, (int) index);
                else ev.acquire(obj, (int) index);
            }
        }
    }
}
