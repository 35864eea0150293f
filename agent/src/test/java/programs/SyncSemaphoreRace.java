package programs;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * A Semaphore with two permits used as a lock: both threads get a permit and are inside at
 * once (the latch waits until both are), so their writes race.
 */
public final class SyncSemaphoreRace {
    private final Semaphore notALock = new Semaphore(2);
    private final CountDownLatch bothInside = new CountDownLatch(2);
    private int value;

    void update(int v) {
        try {
            notALock.acquire();
            try {
                bothInside.countDown();
                bothInside.await();
                value = v; // race:write-with-permit
            } finally {
                notALock.release();
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        SyncSemaphoreRace race = new SyncSemaphoreRace();
        Thread a = new Thread(() -> race.update(1), "permit-holder-1");
        Thread b = new Thread(() -> race.update(2), "permit-holder-2");
        a.start(); // start:permit-holder-1
        b.start(); // start:permit-holder-2
        a.join();
        b.join();
        System.out.println("value set: " + (race.value != 0));
    }
}
