package programs;

/** The writer holds a lock, the reader does not: still a race, with the lock on one side only. */
public final class HalfLocked {
    private static final Object LOCK = new Object();
    private static int shared;

    static void write() {
        synchronized (LOCK) {
            shared = 7; // race:locked-write
        }
    }

    static int read() {
        return shared; // race:unlocked-read
    }

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[1];
        Thread writer = new Thread(HalfLocked::write, "locked-writer");
        Thread reader = new Thread(() -> seen[0] = read(), "unlocked-reader");
        writer.start(); // start:locked-writer
        reader.start(); // start:unlocked-reader
        writer.join();
        reader.join();
        System.out.println("done");
    }
}
