package programs;

import java.util.concurrent.CountDownLatch;

/**
 * Interrupts as signals, used correctly: main writes a value for each worker, then interrupts
 * it; each worker sees the interrupt its own way and reads its value. Seeing it: a spin on
 * isInterrupted(), a spin on Thread.interrupted(), InterruptedException from sleep, from
 * Object.wait, and from a CountDownLatch's await (thrown inside the JDK); and a watcher that
 * sees another thread's interrupt through that thread's isInterrupted().
 */
public final class SyncInterruptHandoff {
    private final int[] values = new int[6];
    private final int[] seen = new int[6];
    private final Object monitor = new Object();

    private Thread watcher;

    void spinIsInterrupted() {
        while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
        }
        seen[0] = values[0];
        while (watcher.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait(); // stay alive, interrupted, until the watcher has seen it
        }
    }

    void spinInterrupted() {
        while (!Thread.interrupted()) {
            Thread.onSpinWait();
        }
        seen[1] = values[1];
    }

    void sleep() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            seen[2] = values[2];
        }
    }

    void waitOnMonitor() {
        synchronized (monitor) {
            try {
                while (true) monitor.wait();
            } catch (InterruptedException e) {
                seen[3] = values[3];
            }
        }
    }

    void awaitLatch() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            seen[4] = values[4];
        }
    }

    void watch(Thread target) {
        while (!target.isInterrupted()) {
            Thread.onSpinWait();
        }
        seen[5] = values[5];
    }

    public static void main(String[] args) throws InterruptedException {
        SyncInterruptHandoff h = new SyncInterruptHandoff();
        Thread[] workers = {
                new Thread(h::spinIsInterrupted, "spin-is-interrupted"),
                new Thread(h::spinInterrupted, "spin-interrupted"),
                new Thread(h::sleep, "sleeper"),
                new Thread(h::waitOnMonitor, "monitor-waiter"),
                new Thread(h::awaitLatch, "latch-waiter")};
        Thread watcher = new Thread(() -> h.watch(workers[0]), "watcher");
        h.watcher = watcher;
        for (Thread t : workers) t.start();
        watcher.start();
        for (int i = 0; i < workers.length; i++) {
            if (i >= 2) SyncStates.awaitState(workers[i], i == 2 ? Thread.State.TIMED_WAITING : Thread.State.WAITING);
            h.values[i] = 10 * (i + 1);
            if (i == 0) h.values[5] = 60;
            workers[i].interrupt();
        }
        for (Thread t : workers) t.join();
        watcher.join();
        StringBuilder out = new StringBuilder("seen=");
        for (int i = 0; i < h.seen.length; i++) out.append(i == 0 ? "" : ",").append(h.seen[i]);
        System.out.println(out);
    }
}
