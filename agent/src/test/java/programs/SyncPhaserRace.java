package programs;

import java.util.concurrent.Phaser;

/**
 * A party arrives without awaiting the advance and reads what the other writes in that phase.
 * The writer waits (watching the phaser's count, no happens-before) until the reader has
 * arrived, so it is the writer whose arrival completes the phase.
 */
public final class SyncPhaserRace {
    private final Phaser phaser = new Phaser(2);
    private int shared;
    private int seen;

    void waiting() {
        while (phaser.getArrivedParties() == 0) {
            Thread.onSpinWait();
        }
        shared = 1; // race:write-before-arrival
        phaser.arriveAndAwaitAdvance();
    }

    void notWaiting() {
        phaser.arrive();
        seen = shared; // race:read-without-awaiting
    }

    public static void main(String[] args) throws InterruptedException {
        SyncPhaserRace race = new SyncPhaserRace();
        Thread a = new Thread(race::waiting, "awaiting-party");
        Thread b = new Thread(race::notWaiting, "arriving-party");
        a.start(); // start:awaiting-party
        b.start(); // start:arriving-party
        a.join();
        b.join();
        System.out.println("phase=" + race.phaser.getPhase());
    }
}
