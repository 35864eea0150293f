package samples.queues;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import samples.Verdict;

/**
 * A LIFO queue (a stack) shared between threads: {@link LinkedBlockingDeque} with
 * {@code push} (add first) and {@code takeFirst}, so the newest item comes out first.
 */
@Verdict(topics = 19, title = "LinkedBlockingDeque as a LIFO stack")
public class LifoStack {

    static final class Plate {
        int number;
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingDeque<Plate> stack = new LinkedBlockingDeque<>();
        Thread washer = new Thread(() -> {
            for (int i = 1; i <= 5; i++) {
                Plate p = new Plate();
                p.number = i;
                stack.push(p);
            }
        }, "washer");
        Thread diner = new Thread(() -> {
            try {
                for (int i = 0; i < 5; i++) {
                    System.out.println("took plate " + stack.takeFirst().number);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "diner");
        // Both run at once: the deque hands each plate over safely (push happens-before the
        // takeFirst that returns it), and whatever is stacked comes out newest first.
        washer.start();
        diner.start();
        washer.join();
        diner.join();
    }
}
