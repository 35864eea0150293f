package samples.pitfalls;

import samples.Verdict;

/**
 * The mistake: one thread takes lock A then B, another B then A. Run at the same moment they
 * can deadlock: each holds one lock and waits for the other, for ever. Here the second thread
 * happens to start its work a little later, so this run always finishes; nothing in the
 * program orders the two, though, and threadcheck shows the cycle and confirms that another
 * timing of this very run deadlocks. See {@link LockOrderFixed}.
 */
@Verdict(topics = 31, title = "mistake: locks taken A then B and B then A",
        deadlocks = @Verdict.Deadlock(marker = "ab"))
public class LockOrderDeadlock {

    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) throws InterruptedException {
        Thread first = new Thread(() -> {
            synchronized (A) {
                synchronized (B) { // deadlock:ab
                    System.out.println("first: A then B");
                }
            }
        }, "first");
        Thread second = new Thread(() -> {
            pause(200); // only timing keeps the two apart: no happens-before
            synchronized (B) {
                synchronized (A) { // deadlock:ab
                    System.out.println("second: B then A");
                }
            }
        }, "second");
        first.start();
        second.start();
        first.join();
        second.join();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
