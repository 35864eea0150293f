package samples.signalling;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Phaser;
import samples.Verdict;

/**
 * Meeting at a synchronisation point. With a {@link CyclicBarrier} each worker fills its own
 * slot, waits for the others, then reads every slot: the barrier orders all the writes before
 * all the reads. A {@link Phaser} does the same with a changing number of parties.
 */
@Verdict(topics = 15, title = "CyclicBarrier and Phaser")
public class BarrierPhases {

    public static void main(String[] args) throws InterruptedException {
        int n = 3;
        int[] slots = new int[n];
        CyclicBarrier barrier = new CyclicBarrier(n, () -> System.out.println("all slots filled"));
        Phaser phaser = new Phaser(n);
        int[] totals = new int[n];
        Thread[] workers = new Thread[n];
        for (int i = 0; i < n; i++) {
            int me = i;
            workers[i] = new Thread(() -> {
                try {
                    slots[me] = (me + 1) * 10;
                    barrier.await();
                    int sum = 0;
                    for (int s : slots) {
                        sum += s;
                    }
                    totals[me] = sum;
                    phaser.arriveAndAwaitAdvance(); // phase 0 done: every total written
                    System.out.println("worker " + me + " sees neighbour total " + totals[(me + 1) % n]);
                    phaser.arriveAndDeregister();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "worker-" + i);
            workers[i].start();
        }
        for (Thread w : workers) {
            w.join();
        }
    }
}
