package programs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;

/**
 * A completion that loses orders nothing: a FutureTask cancelled before its callable returns
 * (its set() then fails), and a CompletableFuture completed by main before another thread's
 * complete() (which then fails). Main sees both futures done and reads what the losers wrote.
 */
public final class TaskLateCompletionRace {
    private int taskResult;
    private int futureResult;

    public static void main(String[] args) throws Exception {
        TaskLateCompletionRace s = new TaskLateCompletionRace();
        FutureTask<Integer> task = new FutureTask<>(() -> {
            TaskSupport.sleep(200);
            s.taskResult = 1; // race:task-write
            return 1;
        });
        Thread runner = new Thread(task, "late-task");
        runner.start(); // start:late-task
        TaskSupport.sleep(50);
        boolean cancelled = task.cancel(false);
        TaskSupport.sleep(400);
        boolean done = task.isDone();
        int seenTask = s.taskResult; // race:task-read

        CompletableFuture<Integer> future = new CompletableFuture<>();
        Thread completer = new Thread(() -> {
            TaskSupport.sleep(200);
            s.futureResult = 2; // race:future-write
            future.complete(2);
        }, "late-completer");
        completer.start(); // start:late-completer
        future.complete(5);
        TaskSupport.sleep(400);
        int value = future.join();
        int seenFuture = s.futureResult; // race:future-read
        runner.join();
        completer.join();
        System.out.println("cancelled=" + cancelled + " done=" + done + " value=" + value);
        System.out.println("task-seen=" + seenTask + " future-seen=" + seenFuture);
    }
}
