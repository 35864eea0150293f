package samples.basics;

import samples.Verdict;

/**
 * Create a thread with a target (a {@link Runnable}) and start it. {@code start()} runs the
 * target on the new thread; {@code join()} waits for it. The worker's write to {@code message}
 * is read by main only after {@code join()}, which orders it (happens-before), so it is clean.
 */
@Verdict(topics = 1, title = "new Thread(runnable).start(), then join")
public class StartThread {

    private static String message;

    public static void main(String[] args) throws InterruptedException {
        Runnable target = () -> message = "hello from " + Thread.currentThread().getName();
        Thread worker = new Thread(target, "worker");
        worker.start();
        worker.join(); // without this join, reading message below would be a race
        System.out.println(message);
    }
}
