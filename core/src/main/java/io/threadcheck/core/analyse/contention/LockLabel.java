package io.threadcheck.core.analyse.contention;

import io.threadcheck.core.util.ObjectNames;

/**
 * How a lock is named in the report ({@link ObjectNames#describe(Object)}), captured when the lock
 * is first seen so the statistics can outlive the lock. The text is made only when a report
 * needs it: most locks are never reported, and many are short-lived.
 */
final class LockLabel {

    private final String type;      // "class X" for a Class object, else the type name
    private final int identityHash;
    private final boolean isClass;

    LockLabel(Object lock) {
        if (lock instanceof Class<?> c) {
            this.type = "class " + ObjectNames.typeName(c);
            this.isClass = true;
        } else {
            this.type = ObjectNames.typeName(lock.getClass());
            this.isClass = false;
        }
        this.identityHash = System.identityHashCode(lock);
    }

    String text() {
        return isClass ? type : ObjectNames.describe(type, identityHash);
    }

    @Override
    public String toString() {
        return text();
    }
}
