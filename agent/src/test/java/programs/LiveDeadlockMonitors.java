package programs;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Really deadlocks, every time: each thread takes its first monitor, both meet at a barrier
 * while holding it, then each wants the other's. Never ends on its own.
 */
public class LiveDeadlockMonitors {

    static final Object LEFT = new Object();
    static final Object RIGHT = new Object();
    static final CyclicBarrier BOTH_HOLD = new CyclicBarrier(2);

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(LiveDeadlockMonitors::leftThenRight, "left-first");
        Thread b = new Thread(LiveDeadlockMonitors::rightThenLeft, "right-first");
        a.start();
        b.start();
        System.out.println("started");
        a.join();
        b.join();
        System.out.println("unreachable");
    }

    static void leftThenRight() {
        synchronized (LEFT) { // hold:left-first
            meet();
            synchronized (RIGHT) { // want:left-first
                System.out.println("left-first got both");
            }
        }
    }

    static void rightThenLeft() {
        synchronized (RIGHT) { // hold:right-first
            meet();
            synchronized (LEFT) { // want:right-first
                System.out.println("right-first got both");
            }
        }
    }

    static void meet() {
        try {
            BOTH_HOLD.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }
}
