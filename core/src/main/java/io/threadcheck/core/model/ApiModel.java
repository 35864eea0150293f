package io.threadcheck.core.model;

/**
 * The happens-before semantics of a family of library calls. The instrumenter calls
 * {@link #before} just before a modelled call and {@link #after} just after it returns
 * normally, passing the arguments the {@link ModelledCall} selects: {@code recv} (null for a
 * static method), up to two reference arguments and up to three integral ones (widened to long).
 *
 * <p>Releases belong in {@code before} (a thread that sees the call's effect must see the
 * release) and acquires in {@code after} (they must not precede what they observe).
 * Implementations must be thread-safe and must not run program code that could have side
 * effects (no equals/hashCode/toString of program objects).
 */
public interface ApiModel {

    default void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
    }

    /**
     * @param result    the returned reference, or null
     * @param numResult the returned integral value (booleans as 0/1), or 0
     */
    default void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                       Object result, long numResult) {
    }
}
