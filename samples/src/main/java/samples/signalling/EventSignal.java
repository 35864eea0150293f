package samples.signalling;

import java.util.concurrent.CountDownLatch;
import samples.Verdict;

/**
 * Python's Event (set / wait / clear) two ways: a one-shot {@link CountDownLatch}, and a small
 * resettable Event class on {@code wait/notifyAll}. Whatever the setter wrote before
 * {@code set()} is visible to a thread that returns from {@code await()}: clean.
 */
@Verdict(topics = 13, title = "Event: CountDownLatch, and wait/notifyAll with clear()")
public class EventSignal {

    /** A resettable event, as in Python: the flag is only touched under the monitor. */
    static final class Event {
        private boolean flag;

        synchronized void set() {
            flag = true;
            notifyAll();
        }

        synchronized void clear() {
            flag = false;
        }

        synchronized void await() throws InterruptedException {
            while (!flag) { // loop: wake-ups can be spurious
                wait();
            }
        }
    }

    private static String config;

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        Event go = new Event();
        Thread worker = new Thread(() -> {
            try {
                ready.await();
                System.out.println("worker sees config " + config);
                go.await();
                System.out.println("worker got go");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "worker");
        worker.start();
        config = "loaded"; // published by countDown
        ready.countDown();
        Thread.sleep(50);
        go.set();
        worker.join();
        go.clear();
        System.out.println("event cleared for the next round");
    }
}
