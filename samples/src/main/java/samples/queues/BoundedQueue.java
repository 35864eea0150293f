package samples.queues;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import samples.Verdict;

/**
 * A bounded queue applies back-pressure: with capacity 2 and a slow consumer, {@code put}
 * blocks the producer until there is room, so memory stays bounded.
 */
@Verdict(topics = 17, title = "ArrayBlockingQueue(2) blocks the producer")
public class BoundedQueue {

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<int[]> queue = new ArrayBlockingQueue<>(2);
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < 8; i++) {
                    int[] batch = queue.take();
                    Thread.sleep(20); // slow consumer
                    System.out.println("consumed batch " + batch[0]);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        consumer.start();
        long start = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            queue.put(new int[] {i}); // blocks while 2 batches are waiting
        }
        System.out.printf("producer spent %d ms blocked in put%n", (System.nanoTime() - start) / 1_000_000);
        consumer.join();
    }
}
