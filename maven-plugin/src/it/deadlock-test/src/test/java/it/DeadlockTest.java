package it;

import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class DeadlockTest {

    static final Object ACCOUNT_A = new Object();
    static final Object ACCOUNT_B = new Object();

    @Test
    void transfersBothWays() throws Exception {
        CyclicBarrier bothHold = new CyclicBarrier(2);
        Thread ab = new Thread(() -> transfer(ACCOUNT_A, ACCOUNT_B, bothHold), "a-to-b");
        Thread ba = new Thread(() -> transfer(ACCOUNT_B, ACCOUNT_A, bothHold), "b-to-a");
        ab.start();
        ba.start();
        ab.join();
        ba.join();
    }

    static void transfer(Object from, Object to, CyclicBarrier bothHold) {
        synchronized (from) {
            try {
                bothHold.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            synchronized (to) {
                System.out.println("moved");
            }
        }
    }
}
