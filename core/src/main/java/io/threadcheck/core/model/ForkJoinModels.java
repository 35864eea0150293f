package io.threadcheck.core.model;

import java.util.concurrent.ForkJoinTask;

/**
 * Fork/join tasks (RecursiveTask, RecursiveAction, CountedCompleter, the JDK's adapters and
 * the tasks of parallel streams), modelled on ForkJoinTask's own mechanics:
 *
 * <ul>
 *   <li>{@code fork()} releases the task ({@link SyncKeys#PUBLISHED}); {@code doExec}, which
 *       every pool worker and every helping or invoking thread runs a task through, acquires it
 *       just before {@code exec()}. Tasks handed to a pool by the program are released at the
 *       call ({@link TaskModels}).</li>
 *   <li>Completion: entry of {@code setDone}, {@code trySetThrown} and {@code trySetCancelled},
 *       the only writers of a completed status, release the task ({@link SyncKeys#DONE}) while
 *       it is not yet done.</li>
 *   <li>Observation: {@code status} is volatile; join, invoke, get, isDone, invokeAll, the
 *       pool's invoke and invokeAll read it inside ForkJoinTask or wait in {@code awaitDone},
 *       which returns it (having read it, possibly inside ForkJoinPool's helping code): a read
 *       or an awaitDone result that is negative (done) acquires the task.</li>
 *   <li>CountedCompleter: a task completes once its volatile pending count is seen at zero,
 *       and tryComplete, propagateCompletion, firstComplete/nextComplete and
 *       decrementPendingCountUnlessZero walk up the completer chain decrementing it. Each
 *       compare-and-set of the count releases the task ({@link SyncKeys#DONE}) and each read
 *       of it as zero acquires the task: so {@code onCompletion} (called after that read) sees
 *       its children, including what their own onCompletion wrote on the way up, and the
 *       root's completion carries every decrement.</li>
 * </ul>
 */
final class ForkJoinModels implements ApiModel {

    /** Entry of fork(): the task is handed to whichever thread runs it. */
    static final int FORK = 0;
    /** Entry of a method that may write the done status. */
    static final int COMPLETING = 1;
    /** A ForkJoinTask status was read or returned by awaitDone: negative means done. */
    static final int STATUS_SEEN = 2;
    /** Entry of a compare-and-set of a CountedCompleter's pending count. */
    static final int PENDING_CAS = 3;
    /** CountedCompleter.pending was read: zero means every counted child has finished. */
    static final int PENDING_READ = 4;

    private static final ForkJoinModels MODEL = new ForkJoinModels();

    private static final String TASK = "java/util/concurrent/ForkJoinTask";
    private static final String COMPLETER = "java/util/concurrent/CountedCompleter";

    private ForkJoinModels() {}

    static void register(CallModels.Builder b) {
        b.entry(MODEL, FORK, TASK, "fork", "()Ljava/util/concurrent/ForkJoinTask;");
        b.call(TaskModels.MODEL, TaskModels.START, TASK, "exec", "()Z").in(TASK).inMethod("doExec").before();
        // The adapters of Runnable and Callable (ForkJoinPool.execute/submit/invokeAll/invokeAny, adapt).
        b.call(TaskModels.MODEL, TaskModels.START, TaskModels.RUNNABLE, "run", TaskModels.RUN).in(TASK + "$*").before();
        b.call(TaskModels.MODEL, TaskModels.START, TaskModels.CALLABLE, "call", TaskModels.CALL).in(TASK + "$*").before();

        b.entry(MODEL, COMPLETING, TASK, "setDone", null);
        b.entry(MODEL, COMPLETING, TASK, "trySetThrown", null);
        b.entry(MODEL, COMPLETING, TASK, "trySetCancelled", null);
        b.fieldRead(MODEL, STATUS_SEEN, TASK, TASK, "status");
        b.exit(MODEL, STATUS_SEEN, TASK, "awaitDone", null);

        b.entry(MODEL, PENDING_CAS, COMPLETER, "weakCompareAndSetPendingCount", "(II)Z");
        b.entry(MODEL, PENDING_CAS, COMPLETER, "compareAndSetPendingCount", "(II)Z");
        b.fieldRead(MODEL, PENDING_READ, COMPLETER, COMPLETER, "pending");
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        switch (op) {
            case FORK -> ev.release(recv, SyncKeys.PUBLISHED);
            case COMPLETING -> {
                // isDone is final in ForkJoinTask: no program code runs.
                if (recv instanceof ForkJoinTask<?> task && !task.isDone()) ev.release(recv, SyncKeys.DONE);
            }
            case PENDING_CAS -> ev.release(recv, SyncKeys.DONE);
            default -> { }
        }
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        if ((op == STATUS_SEEN && numResult < 0) || (op == PENDING_READ && numResult == 0)) {
            ev.acquire(recv, SyncKeys.DONE);
        }
    }
}
