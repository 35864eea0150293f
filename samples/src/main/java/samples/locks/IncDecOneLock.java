package samples.locks;

import samples.Verdict;

/**
 * Increment and decrement of one value must use the same lock: two different locks (one per
 * method) would not exclude each other. Both methods are synchronized on the counter: clean.
 */
@Verdict(topics = 28, title = "synchronized inc/dec under one lock")
public class IncDecOneLock {

    private int value;

    synchronized void increment() {
        value++;
    }

    synchronized void decrement() {
        value--;
    }

    synchronized int value() {
        return value;
    }

    public static void main(String[] args) throws InterruptedException {
        IncDecOneLock c = new IncDecOneLock();
        Thread up = new Thread(() -> {
            for (int i = 0; i < 5000; i++) {
                c.increment();
            }
        });
        Thread down = new Thread(() -> {
            for (int i = 0; i < 5000; i++) {
                c.decrement();
            }
        });
        up.start();
        down.start();
        up.join();
        down.join();
        System.out.println("value = " + c.value() + " (0)");
    }
}
