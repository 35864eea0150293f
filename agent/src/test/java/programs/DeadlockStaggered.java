package programs;

/**
 * A→B in one thread, B→A in another, both started together; the second pauses first, so the
 * run never deadlocks, but only timing keeps them apart: a confirmed potential deadlock.
 */
public class DeadlockStaggered {

    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) throws InterruptedException {
        Thread first = new Thread(DeadlockStaggered::aThenB, "a-then-b");
        Thread second = new Thread(DeadlockStaggered::bThenA, "b-then-a");
        first.start();
        second.start();
        first.join();
        second.join();
        System.out.println("done");
    }

    static void aThenB() {
        synchronized (A) { // held:ab
            synchronized (B) { // take:ab
                System.out.println("a then b");
            }
        }
    }

    static void bThenA() {
        Pause.millis(200);
        synchronized (B) { // held:ba
            synchronized (A) { // take:ba
                System.out.println("b then a");
            }
        }
    }
}
