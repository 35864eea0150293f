package samples.signalling;

import java.util.ArrayDeque;
import java.util.Queue;
import samples.Verdict;

/**
 * The same producer/consumer with the built-in monitor: {@code wait()} and {@code notifyAll()}
 * inside {@code synchronized}, always waiting in a loop on the condition.
 */
@Verdict(topics = 14, title = "producer/consumer on Object.wait/notifyAll")
public class WaitNotifyProducerConsumer {

    private final Queue<String> queue = new ArrayDeque<>();

    synchronized void put(String s) {
        queue.add(s);
        notifyAll();
    }

    synchronized String take() throws InterruptedException {
        while (queue.isEmpty()) {
            wait();
        }
        return queue.remove();
    }

    public static void main(String[] args) throws InterruptedException {
        WaitNotifyProducerConsumer q = new WaitNotifyProducerConsumer();
        Thread consumer = new Thread(() -> {
            try {
                for (String s = q.take(); !s.equals("stop"); s = q.take()) {
                    System.out.println("consumed " + s);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "consumer");
        consumer.start();
        for (String s : new String[] {"a", "b", "c", "stop"}) {
            q.put(s);
        }
        consumer.join();
    }
}
