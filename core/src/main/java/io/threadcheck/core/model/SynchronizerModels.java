package io.threadcheck.core.model;

import java.util.concurrent.Phaser;

/**
 * Synchronisers without mutual exclusion. Each releases the caller's history before the call
 * that signals and acquires after the call that waits, on a location of the synchroniser
 * ({@link SyncKeys#SYNC}); a location joins every release, as the JDK's own state (one
 * volatile word updated by CAS) orders them all.
 *
 * <ul>
 *   <li>{@code Semaphore}: release releases; acquire, acquireUninterruptibly, a successful
 *       tryAcquire and a drainPermits that got permits acquire. No lock in the lockset: with
 *       more than one permit it excludes nothing, and a thread that acquired a permit before
 *       another thread's release is not ordered after it.</li>
 *   <li>{@code CountDownLatch}: countDown releases; await, a timed await that returns true,
 *       and getCount() returning 0 acquire.</li>
 *   <li>{@code CyclicBarrier}: each arrival (await) releases to {@code SYNC}; the tripping
 *       thread acquires them all when it reads the barrier action (inside the JDK, before it
 *       runs the action) and releases to {@link SyncKeys#DONE} when it starts the next
 *       generation (after the action, before waking the others); await acquires {@code DONE} on
 *       return. So the action sees every party's work, the parties see the action's, and a
 *       slow waker is not ordered after arrivals of the next generation.</li>
 *   <li>{@code Phaser}: the same scheme on the root of a tiered phaser: arrive,
 *       arriveAndDeregister and arriveAndAwaitAdvance release; the advancing thread's call to
 *       {@code onAdvance} (inside the JDK) acquires before and releases to {@code DONE} after;
 *       arriveAndAwaitAdvance and awaitAdvance* acquire {@code DONE} on return.</li>
 *   <li>{@code Exchanger}: per exchange, the object given is released ({@link SyncKeys#PUBLISHED})
 *       and the object received is acquired, so each side gets exactly its partner's history;
 *       a null travels as the exchanger itself.</li>
 * </ul>
 * {@code LockSupport.park/unpark} is no edge (park may return spuriously and unpark orders
 * nothing), so it is not modelled. Thread interrupts: {@link SyncInterruptModels}.
 */
final class SynchronizerModels implements ApiModel {

    static final int SIGNAL = 0;           // release on the receiver
    static final int WAIT = 1;             // acquire on the receiver
    static final int TRY_WAIT = 2;         // acquire when true / positive / a latch count of 0
    static final int LATCH_COUNT = 3;
    static final int BARRIER_AWAIT = 4;
    static final int BARRIER_TRIPPING = 5; // the tripping thread reads the barrier action
    static final int BARRIER_TRIPPED = 6;  // ... and starts the next generation
    static final int PHASER_ARRIVE = 7;
    static final int PHASER_ARRIVE_AWAIT = 8;
    static final int PHASER_AWAIT = 9;
    static final int PHASER_ADVANCE = 10;  // the advancing thread's onAdvance
    static final int EXCHANGE = 11;
    static final int PERMIT_ACQUIRE = 12;      // Semaphore.acquire*: may block
    static final int PERMIT_TRY_ACQUIRE = 13;
    static final int PERMIT_RELEASE = 14;

    private static final SynchronizerModels MODEL = new SynchronizerModels();
    private static final String SEMAPHORE = "java/util/concurrent/Semaphore";
    private static final String LATCH = "java/util/concurrent/CountDownLatch";
    private static final String BARRIER = "java/util/concurrent/CyclicBarrier";
    private static final String PHASER = "java/util/concurrent/Phaser";
    private static final String EXCHANGER = "java/util/concurrent/Exchanger";
    private static final String UNIT = "Ljava/util/concurrent/TimeUnit;";

    private SynchronizerModels() {}

    static void register(CallModels.Builder b) {
        b.call(MODEL, PERMIT_RELEASE, SEMAPHORE, "release", "()V").before();
        b.call(MODEL, PERMIT_RELEASE, SEMAPHORE, "release", "(I)V").before();
        b.call(MODEL, PERMIT_ACQUIRE, SEMAPHORE, "acquire", "()V").before().after();
        b.call(MODEL, PERMIT_ACQUIRE, SEMAPHORE, "acquire", "(I)V").before().after();
        b.call(MODEL, PERMIT_ACQUIRE, SEMAPHORE, "acquireUninterruptibly", "()V").before().after();
        b.call(MODEL, PERMIT_ACQUIRE, SEMAPHORE, "acquireUninterruptibly", "(I)V").before().after();
        b.call(MODEL, PERMIT_TRY_ACQUIRE, SEMAPHORE, "tryAcquire", "()Z").after();
        b.call(MODEL, PERMIT_TRY_ACQUIRE, SEMAPHORE, "tryAcquire", "(I)Z").after();
        b.call(MODEL, PERMIT_TRY_ACQUIRE, SEMAPHORE, "tryAcquire", "(J" + UNIT + ")Z").after();
        b.call(MODEL, PERMIT_TRY_ACQUIRE, SEMAPHORE, "tryAcquire", "(IJ" + UNIT + ")Z").after();
        b.call(MODEL, TRY_WAIT, SEMAPHORE, "drainPermits", "()I").after();

        b.call(MODEL, SIGNAL, LATCH, "countDown", "()V").before();
        b.call(MODEL, WAIT, LATCH, "await", "()V").after();
        b.call(MODEL, TRY_WAIT, LATCH, "await", "(J" + UNIT + ")Z").after();
        b.call(MODEL, LATCH_COUNT, LATCH, "getCount", "()J").after();

        b.call(MODEL, BARRIER_AWAIT, BARRIER, "await", "()I").before().after();
        b.call(MODEL, BARRIER_AWAIT, BARRIER, "await", "(J" + UNIT + ")I").before().after();
        b.fieldRead(MODEL, BARRIER_TRIPPING, BARRIER, BARRIER, "barrierCommand");
        b.call(MODEL, BARRIER_TRIPPED, BARRIER, "nextGeneration", "()V").in(BARRIER).inMethod("dowait").before();

        b.call(MODEL, PHASER_ARRIVE, PHASER, "arrive", "()I").before();
        b.call(MODEL, PHASER_ARRIVE, PHASER, "arriveAndDeregister", "()I").before();
        b.call(MODEL, PHASER_ARRIVE_AWAIT, PHASER, "arriveAndAwaitAdvance", "()I").before().after();
        b.call(MODEL, PHASER_AWAIT, PHASER, "awaitAdvance", "(I)I").after();
        b.call(MODEL, PHASER_AWAIT, PHASER, "awaitAdvanceInterruptibly", "(I)I").after();
        b.call(MODEL, PHASER_AWAIT, PHASER, "awaitAdvanceInterruptibly", "(IJ" + UNIT + ")I").after();
        b.call(MODEL, PHASER_ADVANCE, PHASER, "onAdvance", "(II)Z").in(PHASER).before().after();

        b.call(MODEL, EXCHANGE, EXCHANGER, "exchange", "(Ljava/lang/Object;)Ljava/lang/Object;")
                .refArgs(0).before().after();
        b.call(MODEL, EXCHANGE, EXCHANGER, "exchange", "(Ljava/lang/Object;J" + UNIT + ")Ljava/lang/Object;")
                .refArgs(0).before().after();

        SyncInterruptModels.register(b);
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        switch (op) {
            case SIGNAL, BARRIER_AWAIT -> ev.release(recv, SyncKeys.SYNC);
            case PERMIT_ACQUIRE -> ev.lockRequest(recv);
            case PERMIT_RELEASE -> {
                ev.sharedUnlock(recv);
                ev.release(recv, SyncKeys.SYNC);
            }
            case BARRIER_TRIPPED -> ev.release(recv, SyncKeys.DONE);
            case PHASER_ARRIVE, PHASER_ARRIVE_AWAIT -> ev.release(root(recv), SyncKeys.SYNC);
            case PHASER_ADVANCE -> ev.acquire(recv, SyncKeys.SYNC); // onAdvance runs on the root
            case EXCHANGE -> ev.release(a0 != null ? a0 : recv, SyncKeys.PUBLISHED);
            default -> { }
        }
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        switch (op) {
            case WAIT -> ev.acquire(recv, SyncKeys.SYNC);
            case PERMIT_ACQUIRE -> {
                ev.acquire(recv, SyncKeys.SYNC);
                ev.sharedLock(recv);
            }
            case PERMIT_TRY_ACQUIRE -> {
                if (numResult > 0) {
                    ev.acquire(recv, SyncKeys.SYNC);
                    ev.sharedLock(recv);
                }
            }
            case TRY_WAIT -> {
                if (numResult > 0) ev.acquire(recv, SyncKeys.SYNC);
            }
            case LATCH_COUNT -> {
                if (numResult == 0) ev.acquire(recv, SyncKeys.SYNC);
            }
            case BARRIER_AWAIT -> ev.acquire(recv, SyncKeys.DONE);
            case BARRIER_TRIPPING -> ev.acquire(recv, SyncKeys.SYNC);
            // A terminated phaser returns at once with a negative phase; what advanced before
            // its termination is still ordered before that.
            case PHASER_ARRIVE_AWAIT, PHASER_AWAIT -> ev.acquire(root(recv), SyncKeys.DONE);
            case PHASER_ADVANCE -> ev.release(recv, SyncKeys.DONE);
            case EXCHANGE -> ev.acquire(result != null ? result : recv, SyncKeys.PUBLISHED);
            default -> { }
        }
    }

    /** The root of a tiered phaser, where every arrival and advance of the tree is counted. */
    private static Object root(Object phaser) {
        return phaser instanceof Phaser p ? p.getRoot() : phaser;
    }
}
