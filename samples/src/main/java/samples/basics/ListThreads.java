package samples.basics;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import samples.Verdict;

/**
 * Debugging threads: list every live thread with its state and top frame
 * ({@code Thread.getAllStackTraces()}), check {@code isAlive()}, and log with the thread name.
 * The latch keeps the workers parked while we look at them.
 */
@Verdict(topics = 34, title = "Thread.getAllStackTraces(), isAlive, logging")
public class ListThreads {

    private static final Logger LOG = Logger.getLogger(ListThreads.class.getName());

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Thread[] workers = new Thread[2];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(() -> {
                LOG.info(() -> Thread.currentThread().getName() + " waiting");
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "debug-worker-" + i);
            workers[i].start();
        }
        Thread.sleep(100);
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (t.getName().startsWith("debug-worker")) {
                StackTraceElement[] frames = e.getValue();
                System.out.println(t.getName() + " " + t.getState() + " alive=" + t.isAlive()
                        + (frames.length > 0 ? " at " + frames[0] : ""));
            }
        }
        done.countDown();
        for (Thread w : workers) {
            w.join();
            System.out.println(w.getName() + " alive after join: " + w.isAlive());
        }
    }
}
