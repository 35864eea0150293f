package programs;

/**
 * Producer/consumer over a one-slot buffer guarded by a monitor with wait/notifyAll in loops.
 * The payload array is written and read OUTSIDE the monitor; it is ordered only through the
 * monitor handoff (release after the write, acquire before the read).
 */
public final class WaitNotifyHandoff {
    static final int ITEMS = 50;

    private final Object monitor = new Object();
    private final int[] payload = new int[ITEMS];
    private int slot;
    private boolean full;
    private int consumedSum;

    void produce() throws InterruptedException {
        for (int i = 0; i < ITEMS; i++) {
            payload[i] = i * i;
            synchronized (monitor) {
                while (full) {
                    monitor.wait();
                }
                slot = i;
                full = true;
                monitor.notifyAll();
            }
        }
    }

    void consume() throws InterruptedException {
        int sum = 0;
        for (int n = 0; n < ITEMS; n++) {
            int index;
            synchronized (monitor) {
                while (!full) {
                    monitor.wait();
                }
                index = slot;
                full = false;
                monitor.notifyAll();
            }
            sum += payload[index];
        }
        consumedSum = sum;
    }

    private static Runnable unchecked(InterruptibleAction action) {
        return () -> {
            try {
                action.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private interface InterruptibleAction {
        void run() throws InterruptedException;
    }

    public static void main(String[] args) throws InterruptedException {
        WaitNotifyHandoff buffer = new WaitNotifyHandoff();
        Thread consumer = new Thread(unchecked(buffer::consume), "consumer");
        Thread producer = new Thread(unchecked(buffer::produce), "producer");
        consumer.start();
        producer.start();
        producer.join();
        consumer.join();
        System.out.println("sum=" + buffer.consumedSum);
    }
}
