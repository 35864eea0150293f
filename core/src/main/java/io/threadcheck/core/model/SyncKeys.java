package io.threadcheck.core.model;

/**
 * Keys of the synchronisation locations that models release and acquire on. A location is an
 * object and a key ({@code EventVisitor.syncRelease}); field ids (0 and up) are the keys of
 * volatile fields, so model keys are negative and never collide with them. Array-like models
 * (an {@code AtomicIntegerArray} element, a VarHandle on an array element) use the index.
 */
public final class SyncKeys {
    /** An object handed from one thread to another: a queue element, a map value, a submitted task. */
    public static final int PUBLISHED = -2;
    /** A collection or map as a whole: every insertion releases, observations of the whole acquire. */
    public static final int CONTENTS = -3;
    /** A task or future has completed: its completion releases, get/join/isDone acquire. */
    public static final int DONE = -4;
    /** An executor's tasks have ended: each task end releases, awaitTermination/close acquire. */
    public static final int TERMINATION = -5;
    /** The read side of a read-write lock: every read unlock releases, the write lock acquires. */
    public static final int READERS = -6;
    /** The write side of a read-write lock: every write unlock releases, read locks acquire. */
    public static final int WRITER = -7;
    /** A thread's interrupt status: interrupt() releases, the interrupted thread seeing it acquires. */
    public static final int INTERRUPT = -8;
    /** A synchroniser used without exclusion (semaphore, latch, barrier, phaser, exchanger, atomic). */
    public static final int SYNC = -9;

    private SyncKeys() {}
}
