package programs;

/** Plain data published through a volatile flag: writer writes data then the flag, reader spins on it. */
public final class VolatileFlagHandoff {
    private int data;
    private final int[] payload = new int[4];
    private volatile boolean ready;
    private int seen;

    void publish() {
        data = 42;
        payload[2] = 7;
        ready = true;
    }

    void consume() {
        while (!ready) {
            Thread.onSpinWait();
        }
        seen = data + payload[2];
        data = 0; // a write too: ordered after the writer's write by the flag
    }

    public static void main(String[] args) throws InterruptedException {
        VolatileFlagHandoff handoff = new VolatileFlagHandoff();
        Thread reader = new Thread(handoff::consume, "reader");
        Thread writer = new Thread(handoff::publish, "writer");
        reader.start();
        writer.start();
        reader.join();
        writer.join();
        System.out.println("seen=" + handoff.seen);
    }
}
