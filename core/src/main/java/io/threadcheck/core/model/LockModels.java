package io.threadcheck.core.model;

/**
 * {@code java.util.concurrent.locks.Lock}: by its contract every implementation has the memory
 * semantics of a monitor, so lock, lockInterruptibly and a successful tryLock acquire the
 * receiver as a lock, and unlock releases it.
 */
final class LockModels implements ApiModel {

    static final int LOCK = 0;
    static final int TRY_LOCK = 1;
    static final int UNLOCK = 2;

    private static final LockModels MODEL = new LockModels();
    private static final String LOCK_TYPE = "java/util/concurrent/locks/Lock";

    private LockModels() {}

    static void register(CallModels.Builder b) {
        b.call(MODEL, LOCK, LOCK_TYPE, "lock", "()V").after();
        b.call(MODEL, LOCK, LOCK_TYPE, "lockInterruptibly", "()V").after();
        b.call(MODEL, TRY_LOCK, LOCK_TYPE, "tryLock", "()Z").after();
        b.call(MODEL, TRY_LOCK, LOCK_TYPE, "tryLock", "(JLjava/util/concurrent/TimeUnit;)Z").after();
        b.call(MODEL, UNLOCK, LOCK_TYPE, "unlock", "()V").before();
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        if (op == UNLOCK) ev.unlock(recv);
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        if (op == LOCK || (op == TRY_LOCK && numResult != 0)) ev.lock(recv);
    }
}
