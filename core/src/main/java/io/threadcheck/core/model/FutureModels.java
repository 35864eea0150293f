package io.threadcheck.core.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;

/**
 * Completion of FutureTask and CompletableFuture, modelled as the JDK implements it: each
 * completes by writing a volatile field ({@code FutureTask.state}, {@code CompletableFuture.result})
 * and every way of observing the completion (get, timed get, join, isDone, resultNow, state,
 * a dependent stage firing...) reads that field.
 *
 * <ul>
 *   <li>Completion: on entry of the JDK methods that complete the future, while it is still
 *       incomplete, release it ({@link SyncKeys#DONE}).</li>
 *   <li>Observation: every read of the field, inside the JDK classes, that sees it completed
 *       acquires it.</li>
 *   <li>CompletableFuture's functions: the program's call that passes a function to a stage
 *       releases it; the JDK's call of the function (in the caller, in the completing thread or
 *       in an executor) acquires it first.</li>
 *   <li>A periodic FutureTask ({@code runAndReset}) that will run again releases itself, and
 *       the next run acquires it (ThreadPoolExecutor's worker acquires the task it runs).</li>
 * </ul>
 */
final class FutureModels implements ApiModel {

    /** Entry of a FutureTask completion (set, setException, cancel). */
    static final int TASK_COMPLETING = 0;
    /** FutureTask.state was read: a value other than NEW is a completion. */
    static final int TASK_STATE_READ = 1;
    /** Exit of FutureTask.runAndReset: true means the task is reset to run again. */
    static final int TASK_RESET = 2;
    /** Entry of a CompletableFuture completion that only succeeds on an incomplete future. */
    static final int FUTURE_COMPLETING = 3;
    /** Entry of obtrudeValue/obtrudeException: always (re)complete. */
    static final int FUTURE_OBTRUDE = 4;
    /** CompletableFuture.result was read: non-null is a completion. */
    static final int FUTURE_RESULT_READ = 5;

    private static final FutureModels MODEL = new FutureModels();

    private static final String FUTURE_TASK = "java/util/concurrent/FutureTask";
    private static final String COMPLETABLE_FUTURE = "java/util/concurrent/CompletableFuture";
    private static final String COMPLETION_STAGE = "java/util/concurrent/CompletionStage";

    /** CompletionStage methods whose function is their first parameter (the Async forms too). */
    private static final String[] FUNCTION_FIRST = {
        "thenApply", "thenApplyAsync", "thenAccept", "thenAcceptAsync", "thenRun", "thenRunAsync",
        "thenCompose", "thenComposeAsync", "handle", "handleAsync", "whenComplete", "whenCompleteAsync",
        "exceptionally", "exceptionallyAsync", "exceptionallyCompose", "exceptionallyComposeAsync",
    };
    /** CompletionStage methods whose function follows the other stage. */
    private static final String[] FUNCTION_SECOND = {
        "thenCombine", "thenCombineAsync", "thenAcceptBoth", "thenAcceptBothAsync",
        "runAfterBoth", "runAfterBothAsync", "applyToEither", "applyToEitherAsync",
        "acceptEither", "acceptEitherAsync", "runAfterEither", "runAfterEitherAsync",
    };
    /** The functional interfaces CompletableFuture calls, with the method and its descriptor. */
    private static final String[][] FUNCTIONS = {
        {TaskModels.RUNNABLE, "run", TaskModels.RUN},
        {"java/util/function/Supplier", "get", "()Ljava/lang/Object;"},
        {"java/util/function/Function", "apply", "(Ljava/lang/Object;)Ljava/lang/Object;"},
        {"java/util/function/BiFunction", "apply", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"},
        {"java/util/function/Consumer", "accept", "(Ljava/lang/Object;)V"},
        {"java/util/function/BiConsumer", "accept", "(Ljava/lang/Object;Ljava/lang/Object;)V"},
    };

    private FutureModels() {}

    static void register(CallModels.Builder b) {
        // FutureTask
        b.entry(MODEL, TASK_COMPLETING, FUTURE_TASK, "set", "(Ljava/lang/Object;)V");
        b.entry(MODEL, TASK_COMPLETING, FUTURE_TASK, "setException", "(Ljava/lang/Throwable;)V");
        b.entry(MODEL, TASK_COMPLETING, FUTURE_TASK, "cancel", "(Z)Z");
        b.fieldRead(MODEL, TASK_STATE_READ, FUTURE_TASK, FUTURE_TASK, "state");
        b.exit(MODEL, TASK_RESET, FUTURE_TASK, "runAndReset", "()Z");

        // CompletableFuture: the internal completions every public one (complete,
        // completeExceptionally, cancel, dependent stages, async tasks, timeouts) goes through.
        for (String method : new String[] {"completeValue", "completeNull", "completeThrowable", "completeRelay",
                "internalComplete"}) {
            b.entry(MODEL, FUTURE_COMPLETING, COMPLETABLE_FUTURE, method, null);
        }
        b.entry(MODEL, FUTURE_OBTRUDE, COMPLETABLE_FUTURE, "obtrudeValue", null);
        b.entry(MODEL, FUTURE_OBTRUDE, COMPLETABLE_FUTURE, "obtrudeException", null);
        b.fieldRead(MODEL, FUTURE_RESULT_READ, COMPLETABLE_FUTURE + "*", COMPLETABLE_FUTURE, "result");

        // Functions handed to CompletableFuture, and their calls inside it and its nested classes.
        for (String method : FUNCTION_FIRST) {
            b.call(TaskModels.MODEL, TaskModels.PUBLISH, COMPLETION_STAGE, method, null).refArgs(0).before();
        }
        for (String method : FUNCTION_SECOND) {
            b.call(TaskModels.MODEL, TaskModels.PUBLISH, COMPLETION_STAGE, method, null).refArgs(1).before();
        }
        b.staticCall(TaskModels.MODEL, TaskModels.PUBLISH, COMPLETABLE_FUTURE, "runAsync", null).refArgs(0).before();
        b.staticCall(TaskModels.MODEL, TaskModels.PUBLISH, COMPLETABLE_FUTURE, "supplyAsync", null).refArgs(0).before();
        b.call(TaskModels.MODEL, TaskModels.PUBLISH, COMPLETABLE_FUTURE, "completeAsync", null).refArgs(0).before();
        for (String[] function : FUNCTIONS) {
            b.call(TaskModels.MODEL, TaskModels.START, function[0], function[1], function[2])
                    .in(COMPLETABLE_FUTURE + "*").before();
        }
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        switch (op) {
            case TASK_COMPLETING -> {
                if (recv instanceof FutureTask<?> task && FutureFields.notCompleted(task)) ev.release(recv, SyncKeys.DONE);
            }
            case FUTURE_COMPLETING -> {
                if (recv instanceof CompletableFuture<?> future && FutureFields.notCompleted(future)) {
                    ev.release(recv, SyncKeys.DONE);
                }
            }
            case FUTURE_OBTRUDE -> ev.release(recv, SyncKeys.DONE);
            default -> { }
        }
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        switch (op) {
            case TASK_STATE_READ -> {
                if (FutureFields.isCompletedState(numResult)) ev.acquire(recv, SyncKeys.DONE);
            }
            case TASK_RESET -> {
                if (numResult != 0) ev.release(recv, SyncKeys.PUBLISHED);
            }
            case FUTURE_RESULT_READ -> {
                if (result != null) ev.acquire(recv, SyncKeys.DONE);
            }
            default -> { }
        }
    }
}
