package samples.queues;

import java.util.concurrent.PriorityBlockingQueue;
import samples.Verdict;

/**
 * A priority queue hands out the most urgent job first, whatever the order they were added.
 * The jobs are queued before the worker starts, so it sees them strictly by priority.
 */
@Verdict(topics = 18, title = "PriorityBlockingQueue: most urgent first")
public class PriorityJobs {

    static final class Job implements Comparable<Job> {
        final int priority;
        final String name;

        Job(int priority, String name) {
            this.priority = priority;
            this.name = name;
        }

        @Override
        public int compareTo(Job other) {
            return Integer.compare(priority, other.priority); // lower number = more urgent
        }
    }

    public static void main(String[] args) throws InterruptedException {
        PriorityBlockingQueue<Job> queue = new PriorityBlockingQueue<>();
        queue.put(new Job(3, "cleanup"));
        queue.put(new Job(1, "fix outage"));
        queue.put(new Job(2, "review"));
        queue.put(new Job(99, "stop"));
        Thread worker = new Thread(() -> {
            try {
                for (Job job = queue.take(); job.priority != 99; job = queue.take()) {
                    System.out.println("priority " + job.priority + ": " + job.name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "worker");
        worker.start();
        worker.join();
    }
}
