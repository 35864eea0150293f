package programs;

/**
 * A lock that is mostly waited on, not waited for: a consumer waits (Object.wait) for each of
 * 50 items, which a producer hands over once a millisecond under the same monitor. Its time is
 * condition waiting; taking the lock itself hardly ever waits.
 */
public class ContentionWaitNotify {

    static final Object LOCK = new Object();
    static final int ITEMS = 50;

    static boolean ready;
    static int item;

    public static void main(String[] args) throws InterruptedException {
        Thread consumer = new Thread(ContentionWaitNotify::consume, "consumer");
        consumer.start();
        for (int i = 1; i <= ITEMS; i++) {
            Thread.sleep(1);
            synchronized (LOCK) { // lock:produce
                while (ready) {
                    LOCK.wait();
                }
                item = i;
                ready = true;
                LOCK.notifyAll();
            }
        }
        consumer.join();
    }

    static void consume() {
        long sum = 0;
        try {
            for (int n = 0; n < ITEMS; n++) {
                synchronized (LOCK) { // lock:consume
                    while (!ready) {
                        LOCK.wait(); // wait:consume
                    }
                    sum += item;
                    ready = false;
                    LOCK.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("sum=" + sum);
    }
}
