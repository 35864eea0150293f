package io.threadcheck.core.model;

import io.threadcheck.core.util.WeakIdentityMap;

/**
 * {@code java.util.concurrent.locks.Lock} and {@code Condition}.
 *
 * <p>Calls through {@code Lock} are matched statically, so what a lock is decided from its
 * runtime class ({@link LockKind}):
 * <ul>
 *   <li>a mutual-exclusion lock ({@code ReentrantLock}, and any other implementation: the
 *       {@code Lock} contract gives every one the memory semantics of a monitor): lock,
 *       lockInterruptibly and a successful tryLock acquire the receiver as a lock, unlock
 *       releases it. Reentrant holds are counted, so the lock stays in the lockset until the
 *       last unlock;</li>
 *   <li>the read side of a read-write lock ({@code ReentrantReadWriteLock.ReadLock}, the read
 *       view of a {@code StampedLock}): readers do not exclude each other, so it is no lock in
 *       the lockset. Acquiring it acquires what write unlocks released ({@link SyncKeys#WRITER}),
 *       its unlock releases to the next writer ({@link SyncKeys#READERS}), both on the object
 *       the two sides share ({@link LockKind#shared});</li>
 *   <li>the write side: an exclusive lock (the {@code WriteLock}, or the {@code StampedLock}
 *       itself, so its views and its stamp methods are one lock) that also acquires what read
 *       unlocks released, and whose unlock releases to later readers.</li>
 * </ul>
 *
 * <p>{@code Condition.await*} gives the condition's lock up before and takes it back after; the
 * lock is the one whose {@code newCondition()} made the condition (recorded then; a condition
 * made elsewhere, e.g. inside the JDK, is not modelled). An await that ends in
 * InterruptedException has taken the lock back too, but the call's after-hook does not run: the
 * thread remembers the lock it is awaiting ({@link #AWAITING}), and the InterruptedException's
 * construction ({@link SyncInterruptModels}) takes it back.
 */
final class LockModels implements ApiModel {

    static final int LOCK = 0;
    static final int TRY_LOCK = 1;
    static final int UNLOCK = 2;
    static final int NEW_CONDITION = 3;
    static final int AWAIT = 4;

    private static final LockModels MODEL = new LockModels();
    private static final String LOCK_TYPE = "java/util/concurrent/locks/Lock";
    private static final String CONDITION_TYPE = "java/util/concurrent/locks/Condition";

    /** Each condition made by a Lock's newCondition(), to its lock (which never refers to it). */
    private static final WeakIdentityMap<Object, Object> CONDITION_LOCKS = new WeakIdentityMap<>();

    /** The lock a thread gave up in Condition.await and has not been seen taking back. */
    private static final ThreadLocal<Object> AWAITING = new ThreadLocal<>();

    private LockModels() {}

    static void register(CallModels.Builder b) {
        b.call(MODEL, LOCK, LOCK_TYPE, "lock", "()V").before().after();
        b.call(MODEL, LOCK, LOCK_TYPE, "lockInterruptibly", "()V").before().after();
        b.call(MODEL, TRY_LOCK, LOCK_TYPE, "tryLock", "()Z").after();
        b.call(MODEL, TRY_LOCK, LOCK_TYPE, "tryLock", "(JLjava/util/concurrent/TimeUnit;)Z").after();
        b.call(MODEL, UNLOCK, LOCK_TYPE, "unlock", "()V").before();
        b.call(MODEL, NEW_CONDITION, LOCK_TYPE, "newCondition", "()Ljava/util/concurrent/locks/Condition;").after();
        b.call(MODEL, AWAIT, CONDITION_TYPE, "await", "()V").before().after();
        b.call(MODEL, AWAIT, CONDITION_TYPE, "awaitUninterruptibly", "()V").before().after();
        b.call(MODEL, AWAIT, CONDITION_TYPE, "awaitNanos", "(J)J").before().after();
        b.call(MODEL, AWAIT, CONDITION_TYPE, "await", "(JLjava/util/concurrent/TimeUnit;)Z").before().after();
        b.call(MODEL, AWAIT, CONDITION_TYPE, "awaitUntil", "(Ljava/util/Date;)Z").before().after();
        LockStampedModels.register(b);
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        if (op == LOCK) {
            if (recv != null) ev.lockRequest(recv);
        } else if (op == UNLOCK) {
            releasing(ev, recv);
        } else if (op == AWAIT) {
            Object lock = CONDITION_LOCKS.get(recv);
            if (lock == null) return;
            ev.waitStart(lock);
            releasing(ev, lock);
            AWAITING.set(lock);
        }
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        switch (op) {
            case LOCK -> acquired(ev, recv);
            case TRY_LOCK -> {
                if (numResult != 0) tryAcquired(ev, recv);
            }
            case NEW_CONDITION -> {
                if (result != null && recv != null) CONDITION_LOCKS.put(result, recv);
            }
            case AWAIT -> awaitEnded(ev);
            default -> { }
        }
    }

    /** The calling thread's Condition.await has ended (returned, or is throwing InterruptedException). */
    static void awaitEnded(ApiEvents ev) {
        Object lock = AWAITING.get();
        if (lock == null) return;
        AWAITING.set(null);
        acquired(ev, lock);
        ev.waitEnd(lock);
    }

    /** The calling thread now holds {@code lock}, possibly after waiting for it. */
    static void acquired(ApiEvents ev, Object lock) {
        acquired(ev, lock, false);
    }

    /** The calling thread now holds {@code lock}, taken by a tryLock that did not wait. */
    static void tryAcquired(ApiEvents ev, Object lock) {
        acquired(ev, lock, true);
    }

    private static void acquired(ApiEvents ev, Object lock, boolean tried) {
        if (lock == null) return;
        LockKind kind = LockKind.of(lock);
        switch (kind) {
            case MUTEX -> {
                if (tried) ev.tryLock(lock);
                else ev.lock(lock);
            }
            case READ, STAMPED_READ -> {
                readAcquired(ev, kind.shared(lock));
                ev.sharedLock(lock);
            }
            case WRITE -> writeAcquired(ev, lock, kind.shared(lock), tried);
            case STAMPED_WRITE -> {
                Object stamped = kind.shared(lock);
                writeAcquired(ev, stamped, stamped, tried);
            }
        }
    }

    /** The calling thread is about to give {@code lock} up. */
    static void releasing(ApiEvents ev, Object lock) {
        if (lock == null) return;
        LockKind kind = LockKind.of(lock);
        switch (kind) {
            case MUTEX -> ev.unlock(lock);
            case READ, STAMPED_READ -> {
                ev.sharedUnlock(lock);
                readReleasing(ev, kind.shared(lock));
            }
            case WRITE -> writeReleasing(ev, lock, kind.shared(lock));
            case STAMPED_WRITE -> {
                Object stamped = kind.shared(lock);
                writeReleasing(ev, stamped, stamped);
            }
        }
    }

    // The four sides of a read-write lock. 'exclusive' is the lock in the lockset, 'shared' the
    // object both sides release and acquire on.

    static void readAcquired(ApiEvents ev, Object shared) {
        ev.acquire(shared, SyncKeys.WRITER);
    }

    static void readReleasing(ApiEvents ev, Object shared) {
        ev.release(shared, SyncKeys.READERS);
    }

    static void writeAcquired(ApiEvents ev, Object exclusive, Object shared, boolean tried) {
        if (tried) ev.tryLock(exclusive);
        else ev.lock(exclusive);
        ev.acquire(shared, SyncKeys.READERS);
    }

    static void writeReleasing(ApiEvents ev, Object exclusive, Object shared) {
        ev.release(shared, SyncKeys.WRITER);
        ev.unlock(exclusive);
    }
}
