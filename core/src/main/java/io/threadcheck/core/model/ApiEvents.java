package io.threadcheck.core.model;

/**
 * What a model may do when a modelled call happens: the events it emits, on behalf of the
 * calling thread and at the call's site. Implemented by the recorder; one instance per thread,
 * reused, so a model must not keep it.
 */
public interface ApiEvents {

    /** Release on the location ({@code sync}, {@code key}); ignored for a null {@code sync}. */
    void release(Object sync, int key);

    /** Acquire on the location ({@code sync}, {@code key}); ignored for a null {@code sync}. */
    void acquire(Object sync, int key);

    /**
     * Release on the location of static field {@code field} (an id from {@link #field}): the
     * location a PUTSTATIC of a static volatile field releases, which no object can name.
     */
    void releaseStatic(int field);

    /** Acquire on the location of static field {@code field}, as a GETSTATIC of a static volatile does. */
    void acquireStatic(int field);

    /** The thread now holds {@code lock} (a mutual-exclusion lock, shown in reports). */
    void lock(Object lock);

    /** The thread is about to give up {@code lock}. */
    void unlock(Object lock);

    /**
     * The thread is about to block until it gets {@code lock} (an exclusive lock, a read side,
     * a semaphore): for contention, and so a blocked thread's wanted lock is known.
     */
    void lockRequest(Object lock);

    /** The thread now holds {@code lock}, taken without waiting for it (a successful tryLock). */
    void tryLock(Object lock);

    /** The thread got a non-exclusive share of {@code lock}: a read side, semaphore permits. */
    void sharedLock(Object lock);

    /** The thread gives up its share of {@code lock}. */
    void sharedUnlock(Object lock);

    /** The thread starts waiting on a condition of {@code lock} (before the unlock the wait does). */
    void waitStart(Object lock);

    /** The thread's wait on a condition of {@code lock} ended (after it took the lock back). */
    void waitEnd(Object lock);

    /** A read of field {@code field} (an id from {@link #field}) of {@code target} (null: static). */
    void read(Object target, int field);

    /** A write of field {@code field} of {@code target} (null: static). */
    void write(Object target, int field);

    /** Reads ({@code write} false) or writes of {@code array[from, to)}, clipped to its bounds. */
    void arrayRange(Object array, int from, int to, boolean write);

    /** The id of field {@code owner.name} (owner with dots), for {@link #read} and {@link #write}. */
    int field(String owner, String name);

    /** The calling thread is about to start {@code child}. */
    void threadStarting(Thread child);

    /**
     * The calling thread starts an optimistic read section (a seqlock read such as
     * {@code StampedLock.tryOptimisticRead}): its reads are held back, unchecked, until
     * {@link #endOptimisticRead}. A section also ends at the thread's next synchronisation event,
     * when the thread is joined, or after 1024 reads: its reads are then checked
     * as the ordinary reads they were (an unvalidated optimistic read is an ordinary racy read).
     */
    void beginOptimisticRead();

    /**
     * Ends the calling thread's optimistic read section, if one is open: when {@code validated}
     * its held reads are checked now, exactly as when they were made (no synchronisation event of
     * the thread came between), otherwise they are dropped (the program discards what they saw).
     */
    void endOptimisticRead(boolean validated);
}
