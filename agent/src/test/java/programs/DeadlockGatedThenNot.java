package programs;

/**
 * One thread takes A→B first inside a gate lock, then again without it; the other takes B→A
 * inside the gate after a pause. The gate keeps the first A→B apart from the B→A, not the
 * second: a confirmed potential deadlock.
 */
public class DeadlockGatedThenNot {

    static final Object A = new Object();
    static final Object B = new Object();
    static final Object GATE = new Object();

    public static void main(String[] args) throws InterruptedException {
        Thread first = new Thread(() -> {
            synchronized (GATE) {
                aThenB();
            }
            aThenB();
        }, "a-then-b");
        Thread second = new Thread(() -> {
            Pause.millis(200);
            synchronized (GATE) {
                bThenA();
            }
        }, "b-then-a");
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
        synchronized (B) { // held:ba
            synchronized (A) { // take:ba
                System.out.println("b then a");
            }
        }
    }
}
