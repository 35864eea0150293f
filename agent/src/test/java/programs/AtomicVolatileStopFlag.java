package programs;

/** The correct twin of {@link AtomicPlainStopFlag}: the same flags, volatile. No race. */
public final class AtomicVolatileStopFlag {
    private volatile boolean stop;
    private volatile boolean ready;
    private int data;
    private int seen;

    void spinUntilStopped() {
        while (!stop) {
            Thread.onSpinWait();
        }
    }

    void awaitData() {
        while (!ready) {
            Thread.onSpinWait();
        }
        seen = data;
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicVolatileStopFlag p = new AtomicVolatileStopFlag();
        Thread worker = new Thread(p::spinUntilStopped, "worker");
        Thread reader = new Thread(p::awaitData, "reader");
        worker.start();
        reader.start();
        Thread.sleep(100);
        p.data = 42;
        p.ready = true;
        p.stop = true;
        worker.join();
        reader.join();
        System.out.println("seen=" + p.seen);
    }
}
