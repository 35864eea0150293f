package io.threadcheck.core.analyse.race;

import io.threadcheck.core.util.ObjectNames;

/**
 * How a lock is named in a report, captured when the lock is first seen so the name can be made
 * later without the lock object (which may be gone by then): the type and the identity hash.
 * One per lock; held-lock snapshots refer to these, so a snapshot kept in a variable's shadow
 * retains only this small object, not the lock or its vector clock.
 */
final class LockName {

    private final String type;       // "class X" for a Class object, else the type name
    private final int identityHash;
    private final boolean isClass;
    private String text;             // cached; a benign race (always the same content)

    LockName(Object lock) {
        if (lock instanceof Class<?> c) {
            this.type = "class " + ObjectNames.typeName(c);
            this.isClass = true;
        } else {
            this.type = ObjectNames.typeName(lock.getClass());
            this.isClass = false;
        }
        this.identityHash = System.identityHashCode(lock);
    }

    /** The text {@link ObjectNames#describe(Object)} gives for the lock. */
    String text() {
        String t = text;
        if (t == null) {
            t = isClass ? type : ObjectNames.describe(type, identityHash);
            text = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return text();
    }
}
