package io.threadcheck.core.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;

/**
 * Whether a JDK future has completed, read without running program code: a program subclass
 * may override {@code isDone}, so FutureTask's {@code state} and CompletableFuture's
 * {@code result} are read through VarHandles on the private fields. The handles are made on
 * first use: the agent opens java.util.concurrent to threadcheck only after the models are
 * built. When they cannot be made, every future counts as not yet completed (a completion
 * then always releases, which can only add edges, never lose one).
 */
final class FutureFields {

    private static final int FUTURE_TASK_NEW = 0;   // FutureTask.NEW

    private FutureFields() {}

    /** True while {@code task} has not started to complete (FutureTask state NEW). */
    static boolean notCompleted(FutureTask<?> task) {
        VarHandle state = Handles.FUTURE_TASK_STATE;
        return state == null || (int) state.getVolatile(task) == FUTURE_TASK_NEW;
    }

    /** True while {@code future} has no result. */
    static boolean notCompleted(CompletableFuture<?> future) {
        VarHandle result = Handles.COMPLETABLE_FUTURE_RESULT;
        return result == null || result.getVolatile(future) == null;
    }

    /** A FutureTask state value that says the task has completed or is completing (not NEW). */
    static boolean isCompletedState(long state) {
        return state != FUTURE_TASK_NEW;
    }

    /** Initialised on first use, after the agent opened the package. */
    private static final class Handles {
        static final VarHandle FUTURE_TASK_STATE = find(FutureTask.class, "state", int.class);
        static final VarHandle COMPLETABLE_FUTURE_RESULT = find(CompletableFuture.class, "result", Object.class);

        private static VarHandle find(Class<?> owner, String name, Class<?> type) {
            try {
                return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, type);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
