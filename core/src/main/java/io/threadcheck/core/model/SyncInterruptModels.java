package io.threadcheck.core.model;

/**
 * Thread interrupts (JLS 17.4.4: an interrupt synchronizes-with every point where any thread
 * determines that the target was interrupted). {@code Thread.interrupt} releases on the target
 * thread ({@link SyncKeys#INTERRUPT}), hooked on entry of the JDK method so interrupts sent by
 * the JDK (executor shutdown, future cancellation) count too. Seeing it acquires:
 * {@code Thread.interrupted()} or {@code isInterrupted()} returning true (called in the
 * program), and the construction of an {@code InterruptedException}, which every blocking JDK
 * method (sleep, wait, join, lock and condition waits, queues, futures...) throws on the
 * interrupted thread, right after it saw and cleared the status. The same construction ends a
 * {@code Condition.await} that is throwing it ({@link LockModels#awaitEnded}).
 */
final class SyncInterruptModels implements ApiModel {

    static final int INTERRUPT = 0;
    static final int INTERRUPTED = 1;        // static Thread.interrupted(): the current thread
    static final int IS_INTERRUPTED = 2;     // t.isInterrupted(): the receiver
    static final int EXCEPTION = 3;          // an InterruptedException is made

    private static final SyncInterruptModels MODEL = new SyncInterruptModels();
    private static final String THREAD = "java/lang/Thread";

    private SyncInterruptModels() {}

    static void register(CallModels.Builder b) {
        b.entry(MODEL, INTERRUPT, THREAD, "interrupt", "()V");
        b.entry(MODEL, INTERRUPT, "java/lang/VirtualThread", "interrupt", "()V").since(21);
        b.staticCall(MODEL, INTERRUPTED, THREAD, "interrupted", "()Z").after();
        b.call(MODEL, IS_INTERRUPTED, THREAD, "isInterrupted", "()Z").after();
        b.exit(MODEL, EXCEPTION, "java/lang/InterruptedException", "<init>", null);
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        if (op == INTERRUPT) ev.release(recv, SyncKeys.INTERRUPT);
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        switch (op) {
            case INTERRUPTED -> {
                if (numResult != 0) ev.acquire(Thread.currentThread(), SyncKeys.INTERRUPT);
            }
            case IS_INTERRUPTED -> {
                if (numResult != 0) ev.acquire(recv, SyncKeys.INTERRUPT);
            }
            case EXCEPTION -> {
                ev.acquire(Thread.currentThread(), SyncKeys.INTERRUPT);
                LockModels.awaitEnded(ev);
            }
            default -> { }
        }
    }
}
