package io.threadcheck.core.model;

import java.util.Collection;
import java.util.concurrent.ForkJoinPool;

/**
 * Tasks handed to executors: the hand-over, the start of each task, the end of an executor.
 *
 * <ul>
 *   <li>Hand-over, at the program's call sites: {@code Executor.execute},
 *       {@code ExecutorService.submit/invokeAll/invokeAny}, {@code ScheduledExecutorService.schedule*},
 *       {@code CompletionService.submit}, {@code ForkJoinPool.invoke} release each task object
 *       handed over ({@link SyncKeys#PUBLISHED}). invokeAll/invokeAny release every element of
 *       the collection, which is read only when it is a JDK collection (so no program code runs).</li>
 *   <li>Start: wherever the JDK is about to run a task the program handed over (a worker of
 *       ThreadPoolExecutor, FutureTask running its callable, the Runnable adapters of Executors
 *       and ForkJoinTask, ...), the task object is acquired. Executors wrap tasks (FutureTask,
 *       adapters), but the innermost JDK call always reaches the program's own object, so the
 *       edge survives any wrapping, including wrapper executors.</li>
 *   <li>End of an executor: each task end releases the executor ({@link SyncKeys#TERMINATION})
 *       — after each task in ThreadPoolExecutor's worker loop, when a ForkJoinPool worker
 *       leaves its pool, when a thread of a ThreadPerTaskExecutor ends — and a successful
 *       {@code awaitTermination} or {@code isTerminated} (which {@code close} uses) acquires it.
 *       These are rules on the JDK implementations, so a wrapper's delegating call is covered.</li>
 * </ul>
 *
 * <p>Futures and fork/join tasks are in {@link FutureModels} and {@link ForkJoinModels}, which
 * reuse {@link #PUBLISH} and {@link #START} for the functions and tasks they hand over.
 */
final class TaskModels implements ApiModel {

    /** Before: release the object passed as a0 (a task, a function) to whoever runs it. */
    static final int PUBLISH = 0;
    /** Before: release every element of the collection a0. */
    static final int PUBLISH_ALL = 1;
    /** Before: the JDK is about to run task recv: acquire what was released on it. */
    static final int START = 2;
    /** A task of executor recv has ended: release the executor's termination. */
    static final int TASK_END = 3;
    /** Exit with a boolean: true means executor recv has terminated. */
    static final int TERMINATED = 4;
    /** Exit of ForkJoinPool.close: the pool has terminated (the common pool never does). */
    static final int POOL_CLOSED = 5;
    /** Exit: the result is a completed future taken from a completion queue. */
    static final int COMPLETED_TAKEN = 6;
    /** Entry: recv has been completed (ThreadPerTaskExecutor's invokeAny result holder). */
    static final int HOLDER_COMPLETED = 7;
    /** Exit: recv's result was read; a non-null one was set by a completion. */
    static final int HOLDER_READ = 8;

    static final TaskModels MODEL = new TaskModels();

    static final String RUNNABLE = "java/lang/Runnable";
    static final String CALLABLE = "java/util/concurrent/Callable";
    static final String RUN = "()V";
    static final String CALL = "()Ljava/lang/Object;";
    private static final String EXECUTOR = "java/util/concurrent/Executor";
    private static final String EXECUTOR_SERVICE = "java/util/concurrent/ExecutorService";
    private static final String SCHEDULED = "java/util/concurrent/ScheduledExecutorService";
    private static final String COMPLETION_SERVICE = "java/util/concurrent/CompletionService";
    private static final String EXECUTOR_COMPLETION_SERVICE = "java/util/concurrent/ExecutorCompletionService";
    private static final String THREAD_POOL = "java/util/concurrent/ThreadPoolExecutor";
    static final String FORK_JOIN_POOL = "java/util/concurrent/ForkJoinPool";
    private static final String THREAD_PER_TASK = "java/util/concurrent/ThreadPerTaskExecutor";        // JDK 21+
    private static final String ANY_RESULT_HOLDER = THREAD_PER_TASK + "$AnyResultHolder";             // JDK 21+
    private static final String AWAIT_TERMINATION = "(JLjava/util/concurrent/TimeUnit;)Z";

    /** Collections read by {@link #PUBLISH_ALL}: only the JDK's own, whose toArray runs no program code. */
    private static final ClassValue<Boolean> JDK_CLASS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.getClassLoader() == null;
        }
    };

    private TaskModels() {}

    static void register(CallModels.Builder b) {
        // Hand-over at the program's call sites (every overload: the task is the first argument).
        b.call(MODEL, PUBLISH, EXECUTOR, "execute", null).refArgs(0).before();
        b.call(MODEL, PUBLISH, EXECUTOR_SERVICE, "submit", null).refArgs(0).before();
        b.call(MODEL, PUBLISH_ALL, EXECUTOR_SERVICE, "invokeAll", null).refArgs(0).before();
        b.call(MODEL, PUBLISH_ALL, EXECUTOR_SERVICE, "invokeAny", null).refArgs(0).before();
        b.call(MODEL, PUBLISH, SCHEDULED, "schedule", null).refArgs(0).before();
        b.call(MODEL, PUBLISH, SCHEDULED, "scheduleAtFixedRate", null).refArgs(0).before();
        b.call(MODEL, PUBLISH, SCHEDULED, "scheduleWithFixedDelay", null).refArgs(0).before();
        b.call(MODEL, PUBLISH, COMPLETION_SERVICE, "submit", null).refArgs(0).before();
        b.call(MODEL, PUBLISH, FORK_JOIN_POOL, "invoke", "(Ljava/util/concurrent/ForkJoinTask;)Ljava/lang/Object;")
                .refArgs(0).before();

        // Start: the JDK code that runs a handed-over task.
        b.call(MODEL, START, RUNNABLE, "run", RUN).in(THREAD_POOL).inMethod("runWorker").before();
        b.call(MODEL, START, CALLABLE, "call", CALL).in("java/util/concurrent/FutureTask").before();
        b.call(MODEL, START, RUNNABLE, "run", RUN).in("java/util/concurrent/Executors$RunnableAdapter").before();
        // ForkJoinPool.invokeAny runs the callables here up to JDK 20 (in ForkJoinTask$InvokeAnyTask later).
        b.call(MODEL, START, CALLABLE, "call", CALL).in(FORK_JOIN_POOL + "$InvokeAnyRoot").until(20).before();
        // JDK 25: ForkJoinPool's scheduled tasks.
        b.call(MODEL, START, RUNNABLE, "run", RUN).in("java/util/concurrent/DelayScheduler$ScheduledForkJoinTask").since(25).before();
        b.call(MODEL, START, CALLABLE, "call", CALL).in("java/util/concurrent/DelayScheduler$ScheduledForkJoinTask").since(25).before();
        // ThreadPerTaskExecutor (JDK 21+) starts a thread per task: Thread.start orders the hand-over.

        // End of executors.
        b.call(MODEL, TASK_END, THREAD_POOL, "afterExecute", "(Ljava/lang/Runnable;Ljava/lang/Throwable;)V")
                .in(THREAD_POOL).inMethod("runWorker").before();
        // A worker's exit, before it leaves the pool's count that termination waits for.
        b.entry(MODEL, TASK_END, FORK_JOIN_POOL, "deregisterWorker", null);
        b.entry(MODEL, TASK_END, THREAD_PER_TASK, "taskComplete", "(Ljava/lang/Thread;)V").since(21);
        for (String cls : new String[] {THREAD_POOL, FORK_JOIN_POOL, THREAD_PER_TASK}) {
            int since = cls.equals(THREAD_PER_TASK) ? 21 : 0;
            b.exit(MODEL, TERMINATED, cls, "awaitTermination", AWAIT_TERMINATION).since(since);
            b.exit(MODEL, TERMINATED, cls, "isTerminated", "()Z").since(since);
        }
        // JDK 19+: ForkJoinPool.close waits for termination itself (the other executors' close
        // calls awaitTermination).
        b.exit(MODEL, POOL_CLOSED, FORK_JOIN_POOL, "close", "()V").since(19);

        // ExecutorCompletionService queues a future once it completed: taking it orders the completion.
        b.exit(MODEL, COMPLETED_TAKEN, EXECUTOR_COMPLETION_SERVICE, "take", null);
        b.exit(MODEL, COMPLETED_TAKEN, EXECUTOR_COMPLETION_SERVICE, "poll", null);

        // ThreadPerTaskExecutor.invokeAny: the winning task completes a holder the caller reads.
        b.entry(MODEL, HOLDER_COMPLETED, ANY_RESULT_HOLDER, "complete", null).since(21);
        b.exit(MODEL, HOLDER_READ, ANY_RESULT_HOLDER, "result", null).since(21);

        FutureModels.register(b);
        ForkJoinModels.register(b);
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        switch (op) {
            case PUBLISH -> ev.release(a0, SyncKeys.PUBLISHED);
            case PUBLISH_ALL -> publishAll(ev, a0);
            case START -> ev.acquire(recv, SyncKeys.PUBLISHED);
            case TASK_END -> ev.release(recv, SyncKeys.TERMINATION);
            case HOLDER_COMPLETED -> ev.release(recv, SyncKeys.DONE);
            default -> { }
        }
    }

    @Override
    public void after(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2,
                      Object result, long numResult) {
        switch (op) {
            case TERMINATED -> {
                if (numResult != 0) ev.acquire(recv, SyncKeys.TERMINATION);
            }
            case POOL_CLOSED -> {
                if (recv != ForkJoinPool.commonPool()) ev.acquire(recv, SyncKeys.TERMINATION);
            }
            case COMPLETED_TAKEN -> ev.acquire(result, SyncKeys.DONE);
            case HOLDER_READ -> {
                if (result != null) ev.acquire(recv, SyncKeys.DONE);
            }
            default -> { }
        }
    }

    /**
     * Releases each task of a JDK collection. A program's own collection class is left alone
     * (reading it would run program code): its tasks then get no hand-over edge.
     */
    private static void publishAll(ApiEvents ev, Object tasks) {
        if (!(tasks instanceof Collection<?> collection) || !JDK_CLASS.get(tasks.getClass())) return;
        Object[] items;
        try {
            items = collection.toArray();
        } catch (RuntimeException e) {
            return; // modified concurrently: the call itself will fail or see other tasks
        }
        for (Object task : items) ev.release(task, SyncKeys.PUBLISHED);
    }
}
