package programs;

/**
 * main gives up waiting after a timed join while the worker is still sleeping, then reads the
 * worker's result field; the worker writes it later. A timed join that returns while the thread
 * is alive orders nothing, so the read and the write race.
 */
public final class TimedJoinRace {
    static final long WORKER_SLEEP_MILLIS = 400;
    static final long JOIN_TIMEOUT_MILLIS = 50;

    private int result;

    void compute() {
        try {
            Thread.sleep(WORKER_SLEEP_MILLIS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        result = 42; // race:result-write
    }

    public static void main(String[] args) throws InterruptedException {
        TimedJoinRace job = new TimedJoinRace();
        Thread worker = new Thread(job::compute, "worker");
        worker.start(); // start:worker
        worker.join(JOIN_TIMEOUT_MILLIS);
        boolean aliveAfterTimedJoin = worker.isAlive();
        int seen = job.result; // race:result-read
        worker.join();
        System.out.println("alive-after-timed-join=" + aliveAfterTimedJoin);
        System.out.println("seen=" + seen);
    }
}
