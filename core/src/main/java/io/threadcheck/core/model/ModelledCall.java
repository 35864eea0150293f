package io.threadcheck.core.model;

import org.objectweb.asm.Type;

/**
 * One place where the instrumenter inserts model hooks, and what it passes to them.
 *
 * <ul>
 *   <li>{@link Kind#CALL}: every invocation of {@code owner.name descriptor} (or of the same
 *       method through a subtype of {@code owner}) gets {@link ApiModel#before} and/or
 *       {@link ApiModel#after} around it; in program classes, or, with {@code inClass} set,
 *       only inside that JDK class (and only in method {@code inMethod}, when set).</li>
 *   <li>{@link Kind#ENTRY}, {@link Kind#EXIT}: the JDK method {@code inClass.name descriptor}
 *       (any descriptor when null) calls {@code before} on entry / {@code after} before each
 *       normal return; {@code recv} is {@code this}.</li>
 *   <li>{@link Kind#FIELD_READ}: after each read of field {@code owner.name} inside
 *       {@code inClass}, {@code after} with the object read from as {@code recv} and the
 *       value read as {@code result} / {@code numResult}.</li>
 *   <li>{@link Kind#MONITORS}: the monitors of JDK class {@code inClass} (synchronized
 *       methods and blocks) are recorded as in program code.</li>
 * </ul>
 *
 * <p>{@code refArgs} and {@code numArgs} are indexes into the called method's parameters (0 is
 * the first parameter after the receiver): up to two reference and three integral parameters.
 * An {@code optional} JDK rule may match nothing (a table row applied to many classes); a JDK
 * rule exists only in the feature releases {@code sinceJdk..untilJdk} (the JDK's history).
 * Without a descriptor (every overload, or a signature-polymorphic method) a selected
 * parameter that is missing or of another kind arrives as null / 0.
 */
public record ModelledCall(int id, Kind kind, String inClass, String inMethod, String owner, String name,
                           String descriptor, boolean isStatic, int[] refArgs, int[] numArgs,
                           boolean before, boolean after, boolean optional, int sinceJdk, int untilJdk,
                           ApiModel model, int op) {

    public enum Kind { CALL, ENTRY, EXIT, FIELD_READ, MONITORS }

    public ModelledCall {
        if (refArgs.length > 2 || numArgs.length > 3) {
            throw new IllegalArgumentException(owner + "." + name + ": at most 2 reference and 3 integral arguments");
        }
        if (descriptor != null && kind != Kind.FIELD_READ) {
            Type[] params = Type.getArgumentTypes(descriptor);
            for (int i : refArgs) {
                if (i >= params.length || params[i].getSort() < Type.ARRAY) {
                    throw new IllegalArgumentException(owner + "." + name + descriptor + ": argument " + i + " is not a reference");
                }
            }
            for (int i : numArgs) {
                if (i >= params.length || params[i].getSort() < Type.BOOLEAN || params[i].getSort() > Type.LONG
                        || params[i].getSort() == Type.FLOAT) {
                    throw new IllegalArgumentException(owner + "." + name + descriptor + ": argument " + i + " is not integral");
                }
            }
        }
    }

    /** True when the JDK of feature release {@code feature} has what this rule hooks. */
    public boolean appliesTo(int feature) {
        return feature >= sinceJdk && feature <= untilJdk;
    }

    /** {@code owner.name descriptor}, for messages and the site table. */
    public String describe() {
        String cls = owner.substring(owner.lastIndexOf('/') + 1);
        return cls + "." + name;
    }
}
