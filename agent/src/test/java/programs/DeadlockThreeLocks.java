package programs;

import java.util.concurrent.locks.ReentrantLock;

/** Three threads, three ReentrantLocks, each taking its own then the next: a cycle of three, one after another in time. */
public class DeadlockThreeLocks {

    static final ReentrantLock[] LOCKS = {new ReentrantLock(), new ReentrantLock(), new ReentrantLock()};

    public static void main(String[] args) throws InterruptedException {
        Thread[] ts = new Thread[3];
        for (int i = 0; i < 3; i++) {
            int mine = i;
            ts[i] = new Thread(() -> {
                Pause.millis(150L * mine);
                ownThenNext(mine);
            }, "ring-" + i);
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        System.out.println("done");
    }

    static void ownThenNext(int mine) {
        ReentrantLock own = LOCKS[mine];
        ReentrantLock next = LOCKS[(mine + 1) % 3];
        own.lock(); // held:ring
        try {
            next.lock(); // take:ring
            next.unlock();
        } finally {
            own.unlock();
        }
    }
}
