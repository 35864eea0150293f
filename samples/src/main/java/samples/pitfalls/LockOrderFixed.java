package samples.pitfalls;

import samples.Verdict;

/**
 * The fix for {@link LockOrderDeadlock}: every thread takes the locks in one global order
 * (A before B), so no cycle can form, and the threads may run at the same time.
 */
@Verdict(topics = 31, title = "fix: one global lock order")
public class LockOrderFixed {

    public static void main(String[] args) throws InterruptedException {
        Runnable inOrder = () -> {
            synchronized (LockOrderDeadlock.A) {
                synchronized (LockOrderDeadlock.B) {
                    System.out.println(Thread.currentThread().getName() + ": A then B");
                }
            }
        };
        Thread first = new Thread(inOrder, "first");
        Thread second = new Thread(inOrder, "second");
        first.start();
        second.start();
        first.join();
        second.join();
    }
}
