package io.threadcheck.core.model;

import java.util.concurrent.locks.StampedLock;

/**
 * {@code StampedLock}'s stamp methods, as the read-write lock of {@link LockModels}: the write
 * lock is the StampedLock itself in the lockset (its {@code asWriteLock()} view is the same
 * lock), and both sides release and acquire on the StampedLock. A stamp says which lock it
 * holds ({@link StampedLock#isWriteLockStamp}, {@link StampedLock#isReadLockStamp}); any other
 * stamp is optimistic.
 *
 * <p>Optimistic reads. {@code tryOptimisticRead} acquires what write unlocks released (its
 * volatile read of the state sees the last one) and opens an optimistic read section
 * ({@link ApiEvents#beginOptimisticRead}): the reads that follow are held back. Just before
 * {@code validate}, the model validates the stamp itself while holding a read lock (see
 * {@link #validate}): if it is still valid no writer came between, so the held reads are checked
 * (as ordered as under a read lock) and released to later writers like a read unlock; if not,
 * they are dropped, as the program drops what they saw. A reader that never validates gets its
 * reads checked at its next synchronisation event or when it is joined, and so reported. A
 * conversion of an optimistic stamp ({@code tryConvertTo*}) validates too (checked after the
 * call, which holds the lock it converted to when it succeeded).
 */
final class LockStampedModels implements ApiModel {

    static final int WRITE_LOCKED = 0;       // writeLock & co: stamp result, 0 = failed
    static final int READ_LOCKED = 1;        // readLock & co
    static final int UNLOCK_WRITE = 2;
    static final int UNLOCK_READ = 3;
    static final int UNLOCK = 4;             // unlock(stamp): either
    static final int TRY_UNLOCK_WRITE = 5;
    static final int TRY_UNLOCK_READ = 6;
    static final int OPTIMISTIC_READ = 7;
    static final int VALIDATE = 8;
    static final int TO_WRITE = 9;           // tryConvertToWriteLock
    static final int TO_READ = 10;           // tryConvertToReadLock
    static final int TO_OPTIMISTIC = 11;     // tryConvertToOptimisticRead
    static final int TRY_WRITE_LOCKED = 12;  // tryWriteLock: never waits for ever

    private static final LockStampedModels MODEL = new LockStampedModels();
    private static final String STAMPED = "java/util/concurrent/locks/StampedLock";
    private static final String TIMED = "(JLjava/util/concurrent/TimeUnit;)J";

    private LockStampedModels() {}

    static void register(CallModels.Builder b) {
        for (String name : new String[] {"writeLock", "writeLockInterruptibly"}) {
            b.call(MODEL, WRITE_LOCKED, STAMPED, name, "()J").before().after();
        }
        b.call(MODEL, TRY_WRITE_LOCKED, STAMPED, "tryWriteLock", "()J").after();
        b.call(MODEL, TRY_WRITE_LOCKED, STAMPED, "tryWriteLock", TIMED).after();
        for (String name : new String[] {"readLock", "readLockInterruptibly", "tryReadLock"}) {
            b.call(MODEL, READ_LOCKED, STAMPED, name, "()J").after();
        }
        b.call(MODEL, READ_LOCKED, STAMPED, "tryReadLock", TIMED).after();
        b.call(MODEL, UNLOCK_WRITE, STAMPED, "unlockWrite", "(J)V").numArgs(0).before();
        b.call(MODEL, UNLOCK_READ, STAMPED, "unlockRead", "(J)V").numArgs(0).before();
        b.call(MODEL, UNLOCK, STAMPED, "unlock", "(J)V").numArgs(0).before();
        b.call(MODEL, TRY_UNLOCK_WRITE, STAMPED, "tryUnlockWrite", "()Z").before();
        b.call(MODEL, TRY_UNLOCK_READ, STAMPED, "tryUnlockRead", "()Z").before();
        b.call(MODEL, OPTIMISTIC_READ, STAMPED, "tryOptimisticRead", "()J").after();
        b.call(MODEL, VALIDATE, STAMPED, "validate", "(J)Z").numArgs(0).before();
        b.call(MODEL, TO_WRITE, STAMPED, "tryConvertToWriteLock", "(J)J").numArgs(0).after();
        b.call(MODEL, TO_READ, STAMPED, "tryConvertToReadLock", "(J)J").numArgs(0).before().after();
        b.call(MODEL, TO_OPTIMISTIC, STAMPED, "tryConvertToOptimisticRead", "(J)J").numArgs(0).before().after();
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        if (!(recv instanceof StampedLock lock)) return;
        switch (op) {
            case WRITE_LOCKED -> ev.lockRequest(lock);
            case UNLOCK_WRITE -> LockModels.writeReleasing(ev, lock, lock);
            case UNLOCK_READ -> LockModels.readReleasing(ev, lock);
            case UNLOCK, TO_OPTIMISTIC -> {
                // Both give up the lock the stamp holds; an optimistic one is validated.
                if (StampedLock.isWriteLockStamp(n0)) LockModels.writeReleasing(ev, lock, lock);
                else if (StampedLock.isReadLockStamp(n0)) LockModels.readReleasing(ev, lock);
                else if (op == TO_OPTIMISTIC) validate(ev, lock, n0);
            }
            case VALIDATE -> {
                // A lock stamp validates while its lock is held: nothing optimistic about it.
                if (!StampedLock.isWriteLockStamp(n0) && !StampedLock.isReadLockStamp(n0)) validate(ev, lock, n0);
            }
            // Unowned: these unlock whoever holds it; the caller is taken to be the holder.
            case TRY_UNLOCK_WRITE -> {
                if (lock.isWriteLocked()) LockModels.writeReleasing(ev, lock, lock);
            }
            case TRY_UNLOCK_READ -> {
                if (lock.isReadLocked()) LockModels.readReleasing(ev, lock);
            }
            // A valid write stamp always converts; readers may get in the moment it does, so
            // the write side is released now (its lockset entry goes after, see below).
            case TO_READ -> {
                if (StampedLock.isWriteLockStamp(n0)) ev.release(lock, SyncKeys.WRITER);
            }
            default -> { }
        }
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        if (!(recv instanceof StampedLock lock)) return;
        boolean ok = numResult != 0; // the stamp returned; 0: failed
        boolean optimisticStamp = !StampedLock.isWriteLockStamp(n0) && !StampedLock.isReadLockStamp(n0);
        switch (op) {
            case WRITE_LOCKED, TRY_WRITE_LOCKED -> {
                if (ok) LockModels.writeAcquired(ev, lock, lock, op == TRY_WRITE_LOCKED);
            }
            case READ_LOCKED -> {
                if (ok) LockModels.readAcquired(ev, lock);
            }
            case OPTIMISTIC_READ -> {
                LockModels.readAcquired(ev, lock);
                ev.beginOptimisticRead();
            }
            case TO_WRITE -> {
                if (optimisticStamp) ev.endOptimisticRead(ok);
                // From a write stamp nothing changes; from a read stamp the read hold becomes the write lock.
                if (ok && !StampedLock.isWriteLockStamp(n0)) LockModels.writeAcquired(ev, lock, lock, true);
            }
            case TO_READ -> {
                if (optimisticStamp) ev.endOptimisticRead(ok);
                if (!ok) return;
                if (StampedLock.isWriteLockStamp(n0)) ev.unlock(lock);
                else if (optimisticStamp) LockModels.readAcquired(ev, lock);
            }
            case TO_OPTIMISTIC -> {
                if (ok) ev.beginOptimisticRead();
            }
            default -> { }
        }
    }

    /**
     * Ends the optimistic read section of {@code stamp} just before the program validates it:
     * still valid, its reads are checked and released to later writers; else they are dropped
     * (validity never comes back, so the program's own validate fails too). The check holds a
     * read lock (converting the stamp), so no writer can take the lock between the check and
     * the release and miss it; the program's validate, after, then also succeeds unless a
     * writer came after the release, which is ordered. A subclass's methods are program code,
     * not called: its sections are dropped.
     */
    private static void validate(ApiEvents ev, StampedLock lock, long stamp) {
        long held = stamp == 0L || lock.getClass() != StampedLock.class ? 0L : lock.tryConvertToReadLock(stamp);
        ev.endOptimisticRead(held != 0L);
        if (held == 0L) return;
        try {
            LockModels.readReleasing(ev, lock);
        } finally {
            lock.unlockRead(held);
        }
    }
}
