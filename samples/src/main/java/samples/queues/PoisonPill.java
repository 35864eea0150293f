package samples.queues;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import samples.Verdict;

/**
 * Producer/consumer over a {@link BlockingQueue}, ended by a poison pill (one per consumer).
 * Java has no {@code task_done()/join()}: joining the consumers after they swallowed their
 * pill plays that role. Jobs are plain mutable objects: the queue hands each one over safely
 * (a put happens-before the take that gets it), so consumers read what the producer wrote.
 */
@Verdict(topics = 16, title = "BlockingQueue producer/consumer with a poison pill")
public class PoisonPill {

    static final class Job {
        int id;
        String payload;
    }

    private static final Job POISON = new Job();

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
        int consumers = 2;
        Thread[] workers = new Thread[consumers];
        for (int i = 0; i < consumers; i++) {
            workers[i] = new Thread(() -> {
                try {
                    for (Job job = queue.take(); job != POISON; job = queue.take()) {
                        System.out.println(Thread.currentThread().getName() + " did job " + job.id + " " + job.payload);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "consumer-" + i);
            workers[i].start();
        }
        for (int i = 1; i <= 6; i++) {
            Job job = new Job();
            job.id = i;
            job.payload = "item-" + i;
            queue.put(job);
        }
        for (int i = 0; i < consumers; i++) {
            queue.put(POISON);
        }
        for (Thread w : workers) {
            w.join(); // the "queue.join()": every job has been processed
        }
    }
}
