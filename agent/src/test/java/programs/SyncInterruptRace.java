package programs;

/** main interrupts the worker and only then writes the value the worker reads on seeing it. */
public final class SyncInterruptRace {
    private int value;
    private int seen;

    void worker() {
        while (!Thread.interrupted()) {
            Thread.onSpinWait();
        }
        seen = value; // race:read-on-interrupt
    }

    public static void main(String[] args) throws InterruptedException {
        SyncInterruptRace race = new SyncInterruptRace();
        Thread worker = new Thread(race::worker, "interrupted-worker");
        worker.start(); // start:interrupted-worker
        worker.interrupt();
        race.value = 42; // race:write-after-interrupt
        worker.join();
        System.out.println("interrupted");
    }
}
