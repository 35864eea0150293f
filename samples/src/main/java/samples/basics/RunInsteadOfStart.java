package samples.basics;

import samples.Verdict;

/**
 * The mistake of calling {@code run()} instead of {@code start()}: no thread is created, the
 * target runs in the caller, one after the other. It does not race (everything is on main),
 * so the runtime verdict is clean; the finding belongs to the static checker (issue 7).
 */
@Verdict(topics = 8, title = "t.run() instead of t.start() runs in the caller",
        pending = "static finding 'run() called instead of start()': issue 7")
public class RunInsteadOfStart {

    public static void main(String[] args) {
        Thread t = new Thread(() -> System.out.println("running on " + Thread.currentThread().getName()), "never-started");
        t.run(); // prints "running on main": the mistake
    }
}
