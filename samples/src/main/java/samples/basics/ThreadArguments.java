package samples.basics;

import samples.Verdict;

/**
 * Passing arguments to a thread. Java has no keyword arguments: capture effectively-final
 * locals in a lambda, or give a Runnable class constructor parameters (the "keyword" form:
 * named fields). Values fixed before {@code start()} are visible to the thread (start is a
 * happens-before edge), so both forms are clean.
 */
@Verdict(topics = 2, title = "arguments via lambda capture and constructor fields")
public class ThreadArguments {

    /** The "keyword arguments" form: each argument is a named field set in the constructor. */
    static final class Greeter implements Runnable {
        private final String name;
        private final int times;
        private String result;

        Greeter(String name, int times) {
            this.name = name;
            this.times = times;
        }

        @Override
        public void run() {
            result = (name + " ").repeat(times).trim();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        // Positional form: the lambda captures the locals.
        String who = "alice";
        int count = 2;
        Thread positional = new Thread(() -> System.out.println("hi " + who + " x" + count));

        Greeter greeter = new Greeter("bob", 3);
        Thread keyword = new Thread(greeter);

        positional.start();
        keyword.start();
        positional.join();
        keyword.join();
        System.out.println(greeter.result); // read after join: ordered
    }
}
