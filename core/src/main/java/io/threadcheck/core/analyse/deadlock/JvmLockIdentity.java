package io.threadcheck.core.analyse.deadlock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;

/**
 * The identity the JVM reports for a lock in thread dumps and
 * {@code ThreadMXBean.findDeadlockedThreads}: the object itself for a monitor, but the internal
 * synchronizer ({@code sync}) for a ReentrantLock or the write lock of a ReentrantReadWriteLock.
 * Computed once per lock. Should a field be missing (another JDK), the lock's own identity.
 */
final class JvmLockIdentity {

    private static final VarHandle REENTRANT_SYNC =
            field("java.util.concurrent.locks.ReentrantLock", "sync");
    private static final VarHandle WRITE_LOCK_SYNC =
            field("java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock", "sync");

    private JvmLockIdentity() {}

    static int of(Object lock) {
        Object owner = lock;
        try {
            if (REENTRANT_SYNC != null && REENTRANT_SYNC.coordinateTypes().get(0).isInstance(lock)) {
                owner = REENTRANT_SYNC.get(lock);
            } else if (WRITE_LOCK_SYNC != null && WRITE_LOCK_SYNC.coordinateTypes().get(0).isInstance(lock)) {
                owner = WRITE_LOCK_SYNC.get(lock);
            }
        } catch (RuntimeException e) {
            owner = lock;
        }
        return System.identityHashCode(owner == null ? lock : owner);
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
