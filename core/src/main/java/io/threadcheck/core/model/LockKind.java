package io.threadcheck.core.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;

/**
 * What a {@code Lock} is, by its runtime class (computed once per class): see
 * {@link LockModels}. The read and write sides of one read-write lock must release and acquire
 * on one object; {@link #shared} finds it in the JDK's fields (the packages are opened to us by
 * the agent): the {@code Sync} a {@code ReentrantReadWriteLock}'s two locks share, the
 * {@code StampedLock} behind a view. Should a field be missing (another JDK), that kind of lock
 * is taken for a {@link #MUTEX}: only approximate, as readers then look mutually exclusive.
 */
enum LockKind {
    /** A mutual-exclusion lock: itself in the lockset. */
    MUTEX(null),
    /** {@code ReentrantReadWriteLock.ReadLock}. */
    READ(field("java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock", "sync")),
    /** {@code ReentrantReadWriteLock.WriteLock}. */
    WRITE(field("java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock", "sync")),
    /** {@code StampedLock.asReadLock()}. */
    STAMPED_READ(field("java.util.concurrent.locks.StampedLock$ReadLockView", "this$0")),
    /** {@code StampedLock.asWriteLock()}. */
    STAMPED_WRITE(field("java.util.concurrent.locks.StampedLock$WriteLockView", "this$0"));

    private static final ClassValue<LockKind> BY_CLASS = new ClassValue<>() {
        @Override
        protected LockKind computeValue(Class<?> type) {
            for (LockKind kind : values()) {
                if (kind.sharedField != null && kind.declaring.isAssignableFrom(type)) return kind;
            }
            return MUTEX;
        }
    };

    private final VarHandle sharedField;
    private final Class<?> declaring;

    LockKind(VarHandle sharedField) {
        this.sharedField = sharedField;
        // A field VarHandle's one coordinate is its receiver: the class declaring the field.
        this.declaring = sharedField == null ? null : sharedField.coordinateTypes().get(0);
    }

    static LockKind of(Object lock) {
        return BY_CLASS.get(lock.getClass());
    }

    /** The object the two sides of {@code lock}'s read-write lock share (MUTEX: the lock). */
    Object shared(Object lock) {
        return sharedField == null ? lock : sharedField.get(lock);
    }

    private static VarHandle field(String className, String fieldName) {
        try {
            Class<?> owner = Class.forName(className, false, null);
            Field f = owner.getDeclaredField(fieldName);
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).unreflectVarHandle(f);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
