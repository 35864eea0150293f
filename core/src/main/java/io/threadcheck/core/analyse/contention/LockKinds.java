package io.threadcheck.core.analyse.contention;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * What kind of lock an object is, decided from its class (and, for the two sides of a read-write
 * lock, the object both sides share). Only {@code instanceof}, class names and JDK fields are
 * used: no program code runs.
 *
 * <ul>
 *   <li>exclusive events ({@code acquire}, {@code tryAcquire}): the write side of a read-write
 *       lock ({@code ReentrantReadWriteLock.WriteLock}, a {@code StampedLock} or its write view) is
 *       {@code write}; any other {@code java.util.concurrent.locks.Lock} is {@code lock}; any
 *       other object is a {@code monitor} (a {@code Lock} used with {@code synchronized} is
 *       taken for a {@code lock}: the events do not tell the two apart);</li>
 *   <li>shared events ({@code sharedAcquire}): a {@code Semaphore} is {@code semaphore}, anything
 *       else the {@code read} side of a read-write lock.</li>
 * </ul>
 */
final class LockKinds {

    static final String MONITOR = "monitor";
    static final String LOCK = "lock";
    static final String READ = "read";
    static final String WRITE = "write";
    static final String SEMAPHORE = "semaphore";

    private static final Class<?> STAMPED_READ_VIEW = jdkClass("java.util.concurrent.locks.StampedLock$ReadLockView");
    private static final Class<?> STAMPED_WRITE_VIEW = jdkClass("java.util.concurrent.locks.StampedLock$WriteLockView");

    // The object the two sides of a read-write lock share. Private JDK fields: readable when the
    // agent has opened java.util.concurrent.locks to us; null otherwise (the sides stay unlinked).
    private static final VarHandle READ_LOCK_SYNC = field(ReentrantReadWriteLock.ReadLock.class, "sync");
    private static final VarHandle WRITE_LOCK_SYNC = field(ReentrantReadWriteLock.WriteLock.class, "sync");
    private static final VarHandle READ_VIEW_OWNER = field(STAMPED_READ_VIEW, "this$0");
    private static final VarHandle WRITE_VIEW_OWNER = field(STAMPED_WRITE_VIEW, "this$0");

    private LockKinds() {}

    /** The kind reported for {@code lock} taken by exclusive ({@code shared} false) or shared events. */
    static String kindOf(Object lock, boolean shared) {
        if (shared) return lock instanceof Semaphore ? SEMAPHORE : READ;
        if (lock instanceof ReentrantReadWriteLock.WriteLock || lock instanceof StampedLock
                || lock.getClass() == STAMPED_WRITE_VIEW) {
            return WRITE;
        }
        return lock instanceof Lock ? LOCK : MONITOR;
    }

    /** True when a request for {@code lock} is for its shared side (a read lock, a semaphore). */
    static boolean requestsShared(Object lock) {
        return lock instanceof Semaphore || lock instanceof ReentrantReadWriteLock.ReadLock
                || lock.getClass() == STAMPED_READ_VIEW;
    }

    /**
     * The object whose acquisition a request for {@code lock} waits for: the lock itself, except
     * for a StampedLock's write view, which is acquired as the StampedLock.
     */
    static Object requestTarget(Object lock) {
        if (lock.getClass() == STAMPED_WRITE_VIEW) {
            Object stamped = get(WRITE_VIEW_OWNER, lock);
            if (stamped != null) return stamped;
        }
        return lock;
    }

    /**
     * The object both sides of {@code lock}'s read-write lock share, so that they share one
     * {@link LockOwnership}: the {@code Sync} of a {@code ReentrantReadWriteLock}, the
     * {@code StampedLock} itself for a StampedLock or its views. Null for any other lock, or when
     * the JDK's fields cannot be read.
     */
    static Object pairOf(Object lock) {
        if (lock instanceof StampedLock) return lock;
        if (lock instanceof ReentrantReadWriteLock.ReadLock) return get(READ_LOCK_SYNC, lock);
        if (lock instanceof ReentrantReadWriteLock.WriteLock) return get(WRITE_LOCK_SYNC, lock);
        Class<?> type = lock.getClass();
        if (type == STAMPED_READ_VIEW) return get(READ_VIEW_OWNER, lock);
        if (type == STAMPED_WRITE_VIEW) return get(WRITE_VIEW_OWNER, lock);
        return null;
    }

    /**
     * True when a semaphore acquisition requested now must wait: no permit is free, or threads
     * are already queued for one. {@code availablePermits} is asked only of the JDK's own class
     * (a subclass may override it); {@code hasQueuedThreads} is final.
     */
    static boolean semaphoreBlocks(Object lock) {
        if (!(lock instanceof Semaphore s)) return false;
        if (s.getClass() == Semaphore.class && s.availablePermits() <= 0) return true;
        return s.hasQueuedThreads();
    }

    private static Object get(VarHandle field, Object lock) {
        return field == null ? null : field.get(lock);
    }

    /** A JDK class by name; null on a JDK without it (then no object is of it). */
    private static Class<?> jdkClass(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static VarHandle field(Class<?> owner, String fieldName) {
        if (owner == null) return null;
        try {
            Field f = owner.getDeclaredField(fieldName);
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).unreflectVarHandle(f);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
