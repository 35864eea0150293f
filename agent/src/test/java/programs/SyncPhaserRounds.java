package programs;

import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A tiered Phaser used correctly: two parties on a child phaser and one on the root. Each round
 * has a writing phase (each party writes its slot; the root's onAdvance, run by the last to
 * arrive, sums them) and a reading phase (each party reads the sum). Parties wait with
 * arriveAndAwaitAdvance, arrive + awaitAdvance, and timed awaitAdvanceInterruptibly.
 */
public final class SyncPhaserRounds {
    static final int ROUNDS = 40;

    private final int[] slots = new int[3];
    private int total;
    private int sums;
    private final long[] seen = new long[3];

    private final Phaser root = new Phaser() {
        @Override
        protected boolean onAdvance(int phase, int parties) {
            if (phase % 2 == 0 && parties > 0) { // not the advance made by the last deregistration
                int s = 0;
                for (int v : slots) s += v;
                total = s;
                sums++;
            }
            return false;
        }
    };
    private final Phaser child = new Phaser(root, 2);

    SyncPhaserRounds() {
        root.register();
    }

    void party(int id) {
        Phaser p = id < 2 ? child : root;
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                slots[id] = round * (id + 1);
                p.arriveAndAwaitAdvance();
                seen[id] += total;
                switch (id) {
                    case 0 -> p.arriveAndAwaitAdvance();
                    case 1 -> p.awaitAdvanceInterruptibly(p.arrive(), 30, TimeUnit.SECONDS);
                    default -> p.awaitAdvance(p.arrive());
                }
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
        p.arriveAndDeregister();
    }

    public static void main(String[] args) throws InterruptedException {
        SyncPhaserRounds r = new SyncPhaserRounds();
        Thread[] parties = new Thread[3];
        for (int i = 0; i < 3; i++) {
            int id = i;
            parties[i] = new Thread(() -> r.party(id), "phaser-party-" + i);
            parties[i].start();
        }
        for (Thread t : parties) t.join();
        System.out.println("sums=" + r.sums + " seen=" + r.seen[0] + "," + r.seen[1] + "," + r.seen[2]);
    }
}
