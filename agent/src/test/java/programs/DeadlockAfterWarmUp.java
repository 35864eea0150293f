package programs;

/**
 * The main thread takes A→B once before it starts the other thread (that occurrence is ordered
 * before it), then again while the other thread runs, which takes B→A after a pause: only
 * timing keeps the second A→B and the B→A apart, a confirmed potential deadlock.
 */
public class DeadlockAfterWarmUp {

    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) throws InterruptedException {
        aThenB(); // call:warm-up
        Thread other = new Thread(DeadlockAfterWarmUp::bThenA, "b-then-a");
        other.start();
        aThenB();
        other.join();
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
