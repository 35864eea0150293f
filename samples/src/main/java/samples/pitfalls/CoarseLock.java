package samples.pitfalls;

import samples.Verdict;

/**
 * Too much locking: one coarse lock held across slow work (a sleep standing for I/O)
 * serialises the workers, while a lock held only around the shared update lets them overlap.
 * The coarse lock tops threadcheck's contention report, at the line that takes it, with the
 * waiting and the holding sites. No races either way.
 */
@Verdict(topics = 35, title = "coarse hot lock vs lock only the critical section", contentionTop = "coarse")
public class CoarseLock {

    private static final Object COARSE = new Object();
    private static final Object FINE = new Object();
    private static int done;

    public static void main(String[] args) throws InterruptedException {
        long t0 = System.nanoTime();
        runAll(() -> {
            synchronized (COARSE) { // contention:coarse
                slowWork(); // the mistake: slow work inside the lock
                done++;
            }
        });
        long t1 = System.nanoTime();
        runAll(() -> {
            slowWork(); // outside: only the shared update needs the lock
            synchronized (FINE) {
                done++;
            }
        });
        long t2 = System.nanoTime();
        System.out.printf("coarse %d ms, fine %d ms, done %d%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, done);
    }

    static void slowWork() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void runAll(Runnable r) throws InterruptedException {
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = new Thread(() -> {
                for (int k = 0; k < 3; k++) {
                    r.run();
                }
            });
            ts[i].start();
        }
        for (Thread t : ts) {
            t.join();
        }
    }
}
