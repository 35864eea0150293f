package programs;

/**
 * The classic misuse: a stop flag and a ready flag that should be volatile but are plain. The
 * worker's poll races with main's write of the stop flag; the reader's poll races with the write
 * of the ready flag, and so does its read of the data the flag was meant to publish.
 */
public final class AtomicPlainStopFlag {
    static final long GIVE_UP_NANOS = 20_000_000_000L; // never reached while the agent runs

    private boolean stop;   // should be volatile
    private boolean ready;  // should be volatile
    private int data;
    private int seen;

    void spinUntilStopped() {
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        while (!stop && System.nanoTime() < deadline) { // race:stop-poll
            Thread.onSpinWait();
        }
    }

    void awaitData() {
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        while (!ready && System.nanoTime() < deadline) { // race:ready-poll
            Thread.onSpinWait();
        }
        seen = data; // race:data-read
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicPlainStopFlag p = new AtomicPlainStopFlag();
        Thread worker = new Thread(p::spinUntilStopped, "worker");
        Thread reader = new Thread(p::awaitData, "reader");
        worker.start(); // start:worker
        reader.start(); // start:reader
        Thread.sleep(100);
        p.data = 42; // race:data-write
        p.ready = true; // race:ready-write
        p.stop = true; // race:stop-write
        worker.join();
        reader.join();
        System.out.println("seen=" + p.seen);
    }
}
