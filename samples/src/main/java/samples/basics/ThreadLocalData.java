package samples.basics;

import samples.Verdict;

/**
 * Thread-local data: every thread sees its own copy, so each can use it without locking. The
 * per-thread counters here are never shared; a thread-unsafe helper such as a StringBuilder or
 * a date formatter is the usual real-world use.
 */
@Verdict(topics = 21, title = "ThreadLocal: one copy per thread")
public class ThreadLocalData {

    /** A mutable holder, deliberately not thread-safe: safe only because each thread has its own. */
    static final class Counter {
        int value;
    }

    private static final ThreadLocal<Counter> PER_THREAD = ThreadLocal.withInitial(Counter::new);

    public static void main(String[] args) throws InterruptedException {
        Runnable work = () -> {
            for (int i = 0; i < 1000; i++) {
                PER_THREAD.get().value++;
            }
            System.out.println(Thread.currentThread().getName() + " counted " + PER_THREAD.get().value);
        };
        Thread a = new Thread(work, "tl-1");
        Thread b = new Thread(work, "tl-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("main's own copy: " + PER_THREAD.get().value);
    }
}
