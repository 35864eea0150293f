package programs;

/** Two threads (lambdas) each write a static field once, on different lines, without ordering. */
public final class RacyStatic {
    static int value;

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> {
            value = 1; // race:static-write-a
        }, "writer-a");
        Thread b = new Thread(() -> {
            value = 2; // race:static-write-b
        }, "writer-b");
        a.start(); // start:writer-a
        b.start(); // start:writer-b
        a.join();
        b.join();
        System.out.println("value=" + value);
    }
}
