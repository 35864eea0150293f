package programs;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/** One party reads the other's result before the barrier instead of after it. */
public final class SyncBarrierRace {
    private final CyclicBarrier barrier = new CyclicBarrier(2);
    private int fromA;
    private int early;

    void partyA() {
        fromA = 1; // race:write-before-barrier
        await();
    }

    void partyB() {
        early = fromA; // race:read-before-barrier
        await();
    }

    private void await() {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        SyncBarrierRace race = new SyncBarrierRace();
        Thread a = new Thread(race::partyA, "barrier-party-a");
        Thread b = new Thread(race::partyB, "barrier-party-b");
        a.start(); // start:barrier-party-a
        b.start(); // start:barrier-party-b
        a.join();
        b.join();
        System.out.println("fromA=" + race.fromA);
    }
}
