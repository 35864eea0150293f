package samples.basics;

import samples.Verdict;

/**
 * Subclass {@link Thread} and override {@code run()}. (Implementing Runnable is usually
 * preferred, since it keeps the task apart from the thread, but this is the tutorial form.)
 * The worker keeps its result in its own field, read by main after {@code join()}.
 */
@Verdict(topics = 4, title = "class Worker extends Thread")
public class WorkerSubclass {

    static final class Worker extends Thread {
        private final int upTo;
        private long total;

        Worker(String name, int upTo) {
            super(name);
            this.upTo = upTo;
        }

        @Override
        public void run() {
            long sum = 0;
            for (int i = 1; i <= upTo; i++) {
                sum += i;
            }
            total = sum;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Worker a = new Worker("sum-100", 100);
        Worker b = new Worker("sum-1000", 1000);
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println(a.getName() + " = " + a.total + ", " + b.getName() + " = " + b.total);
    }
}
