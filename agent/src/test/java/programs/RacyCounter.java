package programs;

/**
 * Two threads increment an instance field without synchronisation: {@code count++} reads and
 * writes {@code count} on one line, so every race is between accesses on the marked line.
 */
public final class RacyCounter {
    static final int INCREMENTS = 1_000;

    private int count;

    void inc() {
        count++; // race:count
    }

    public static void main(String[] args) throws InterruptedException {
        RacyCounter counter = new RacyCounter();
        Runnable work = () -> {
            for (int i = 0; i < INCREMENTS; i++) {
                counter.inc();
            }
        };
        Thread first = new Thread(work, "counter-1");
        Thread second = new Thread(work, "counter-2");
        first.start(); // start:counter-1
        second.start(); // start:counter-2
        first.join();
        second.join();
        System.out.println("count=" + counter.count);
    }
}
