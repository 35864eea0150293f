package programs;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A CyclicBarrier used correctly, over many generations: each party writes its own slot, the
 * barrier action (run by the last to arrive) sums the slots, and after the barrier every party
 * reads the sum and the others' slots; a second await (timed) closes the reading phase before
 * the slots are written again.
 */
public final class SyncBarrierRounds {
    static final int PARTIES = 3;
    static final int ROUNDS = 50;

    private final int[] slots = new int[PARTIES];
    private int total;
    private int actions;
    private final long[] seen = new long[PARTIES];
    private final CyclicBarrier barrier = new CyclicBarrier(PARTIES, this::sum);

    private void sum() {
        int s = 0;
        for (int v : slots) s += v;
        total = s;
        actions++;
    }

    void party(int id) {
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                slots[id] = round * (id + 1);
                barrier.await();
                long mine = total;
                for (int j = 0; j < PARTIES; j++) mine += slots[j];
                seen[id] += mine;
                barrier.await(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        SyncBarrierRounds b = new SyncBarrierRounds();
        Thread[] parties = new Thread[PARTIES];
        for (int i = 0; i < PARTIES; i++) {
            int id = i;
            parties[i] = new Thread(() -> b.party(id), "party-" + i);
            parties[i].start();
        }
        for (Thread t : parties) t.join();
        System.out.println("actions=" + b.actions + " seen=" + b.seen[0] + "," + b.seen[1] + "," + b.seen[2]);
    }
}
