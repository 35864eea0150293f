package samples.pitfalls;

import samples.Verdict;

/**
 * The mistake: one thread takes lock A then B, another B then A. Run concurrently they can
 * deadlock. Here the second thread starts only after the first ended, so the program always
 * finishes, yet the lock-order cycle is there for a lock-order analysis to find (issue 4).
 * See {@link LockOrderFixed}.
 */
@Verdict(topics = 31, title = "mistake: locks taken A then B and B then A",
        pending = "potential deadlock A/B: deadlock detection, issue 4")
public class LockOrderDeadlock {

    static final Object A = new Object();
    static final Object B = new Object();

    public static void main(String[] args) throws InterruptedException {
        Thread first = new Thread(() -> {
            synchronized (A) {
                synchronized (B) {
                    System.out.println("first: A then B");
                }
            }
        }, "first");
        Thread second = new Thread(() -> {
            synchronized (B) {
                synchronized (A) {
                    System.out.println("second: B then A");
                }
            }
        }, "second");
        first.start();
        first.join(); // sequential on purpose: the sample must never hang
        second.start();
        second.join();
    }
}
