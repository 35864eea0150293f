package programs;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Semaphores used correctly: one with no permits hands data from a producer to a consumer
 * (release one or two permits; acquire, acquire(n), timed tryAcquire, acquireUninterruptibly,
 * drainPermits); one with a single permit is a lock for two counters (acquire, spinning
 * tryAcquire, tryAcquire(1, timeout), acquireUninterruptibly(1)).
 */
public final class SyncSemaphoreHandoff {
    static final int ITEMS = 100;

    private final Semaphore filled = new Semaphore(0);
    private final Semaphore emptied = new Semaphore(0);
    private int item;
    private long received;

    private final Semaphore mutex = new Semaphore(1);
    private int count;

    void produce() {
        for (int i = 1; i <= ITEMS; i++) {
            item = i;
            if (i % 2 == 0) {
                filled.release();
            } else {
                filled.release(2); // two permits; the consumer takes both
            }
            emptied.acquireUninterruptibly();
        }
    }

    void consume() {
        try {
            for (int i = 1; i <= ITEMS; i++) {
                if (i % 2 == 0) {
                    if (i % 4 == 0) filled.acquire();
                    else if (!filled.tryAcquire(30, TimeUnit.SECONDS)) throw new IllegalStateException("no item in 30 s");
                } else if (i % 3 == 0) {
                    filled.acquire(2);
                } else {
                    int got = 0;
                    while (got < 2) got += filled.drainPermits();
                }
                received += item;
                emptied.release();
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    void countEveryWay() {
        try {
            for (int i = 0; i < 200; i++) {
                switch (i % 4) {
                    case 0 -> mutex.acquire();
                    case 1 -> {
                        while (!mutex.tryAcquire()) Thread.onSpinWait();
                    }
                    case 2 -> {
                        if (!mutex.tryAcquire(1, 30, TimeUnit.SECONDS)) throw new IllegalStateException("no permit in 30 s");
                    }
                    default -> mutex.acquireUninterruptibly(1);
                }
                try {
                    count++;
                } finally {
                    mutex.release();
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        SyncSemaphoreHandoff s = new SyncSemaphoreHandoff();
        Thread[] threads = {
                new Thread(s::produce, "producer"), new Thread(s::consume, "consumer"),
                new Thread(s::countEveryWay, "counter-1"), new Thread(s::countEveryWay, "counter-2")};
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        System.out.println("received=" + s.received + " count=" + s.count);
    }
}
