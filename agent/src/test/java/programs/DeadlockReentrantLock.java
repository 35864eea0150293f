package programs;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A→B in one thread, B→A in another with two ReentrantLocks, both threads started together;
 * the second pauses first, so the run never deadlocks: a confirmed potential deadlock.
 */
public class DeadlockReentrantLock {

    static final ReentrantLock A = new ReentrantLock();
    static final ReentrantLock B = new ReentrantLock();

    public static void main(String[] args) throws InterruptedException {
        Thread first = new Thread(DeadlockReentrantLock::aThenB, "a-then-b");
        Thread second = new Thread(DeadlockReentrantLock::bThenA, "b-then-a");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("done");
    }

    static void aThenB() {
        A.lock(); // held:ab
        try {
            B.lock(); // take:ab
            try {
                System.out.println("a then b");
            } finally {
                B.unlock();
            }
        } finally {
            A.unlock();
        }
    }

    static void bThenA() {
        Pause.millis(200);
        B.lock(); // held:ba
        try {
            A.lock(); // take:ba
            try {
                System.out.println("b then a");
            } finally {
                A.unlock();
            }
        } finally {
            B.unlock();
        }
    }
}
