package programs;

/**
 * Deterministic output on stdout and stderr from main and from worker threads (ordered by joins),
 * then exit code 3 via System.exit, or (argument "throw") an uncaught exception in main (exit 1).
 * Race-free.
 */
public final class OutputAndExit {

    public static void main(String[] args) throws InterruptedException {
        boolean throwAtEnd = args.length > 0 && args[0].equals("throw");
        System.out.println("output-and-exit: start");
        System.err.println("output-and-exit: stderr line 1");

        int[] squares = new int[4];
        Thread[] workers = new Thread[squares.length];
        for (int i = 0; i < workers.length; i++) {
            int index = i;
            workers[i] = new Thread(() -> squares[index] = index * index, "square-" + i);
            workers[i].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Thread printer = new Thread(() -> {
            System.out.println("output-and-exit: hello from " + Thread.currentThread().getName());
            System.err.println("output-and-exit: stderr from " + Thread.currentThread().getName());
        }, "printer");
        printer.start();
        printer.join();

        for (int i = 0; i < squares.length; i++) {
            System.out.println("square[" + i + "]=" + squares[i]);
        }
        System.out.println("unicode: gr\u00fc\u00dfe \u2713");
        System.err.println("output-and-exit: stderr line 2");
        System.out.flush();
        System.err.flush();
        if (throwAtEnd) {
            throw new IllegalStateException("output-and-exit: deliberate failure");
        }
        System.exit(3);
    }
}
