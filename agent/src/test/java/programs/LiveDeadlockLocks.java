package programs;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ReentrantLock twin of {@link LiveDeadlockMonitors}, three threads in a ring: each takes
 * its own lock, all meet, then each wants its neighbour's. Never ends on its own.
 */
public class LiveDeadlockLocks {

    static final ReentrantLock[] LOCKS = {new ReentrantLock(), new ReentrantLock(), new ReentrantLock()};
    static final CyclicBarrier ALL_HOLD = new CyclicBarrier(3);

    public static void main(String[] args) throws InterruptedException {
        Thread[] ts = new Thread[3];
        for (int i = 0; i < 3; i++) {
            int mine = i;
            ts[i] = new Thread(() -> ring(mine), "ring-" + i);
            ts[i].start();
        }
        System.out.println("started");
        for (Thread t : ts) {
            t.join();
        }
        System.out.println("unreachable");
    }

    static void ring(int mine) {
        LOCKS[mine].lock(); // hold:ring
        try {
            ALL_HOLD.await();
            ReentrantLock next = LOCKS[(mine + 1) % 3];
            next.lock(); // want:ring
            next.unlock();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        } finally {
            LOCKS[mine].unlock();
        }
    }
}
