package programs;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * main's timed await gives up before the worker counts down, and main reads the result
 * anyway; the worker writes it later. A timed await that returns false orders nothing.
 */
public final class SyncLatchRace {
    private final CountDownLatch done = new CountDownLatch(1);
    private int result;

    void work(Thread main) {
        SyncStates.awaitState(main, Thread.State.WAITING); // main is past its timed await
        result = 42; // race:result-write
        done.countDown();
    }

    public static void main(String[] args) throws InterruptedException {
        SyncLatchRace race = new SyncLatchRace();
        Thread main = Thread.currentThread();
        Thread worker = new Thread(() -> race.work(main), "latch-worker");
        worker.start(); // start:latch-worker
        boolean counted = race.done.await(50, TimeUnit.MILLISECONDS);
        int seen = race.result; // race:result-read
        race.done.await();
        worker.join();
        System.out.println("counted-in-time=" + counted + " seen=" + seen);
    }
}
