package programs;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The writer takes a ReentrantLock twice and gives it up once: it still holds it when it writes
 * {@code held}, and holds nothing once it has given it up twice and writes {@code released}. The
 * reader takes no lock: both writes race with its reads, one side holding the lock once.
 */
public final class LockReentrantRace {
    private final ReentrantLock lock = new ReentrantLock();
    private int held;
    private int released;
    private int seen;

    void write() {
        lock.lock();
        lock.lock();
        lock.unlock();
        held = 1; // race:held-write
        lock.unlock();
        released = 2; // race:released-write
    }

    void read() {
        seen = held; // race:held-read
        seen += released; // race:released-read
    }

    public static void main(String[] args) throws InterruptedException {
        LockReentrantRace race = new LockReentrantRace();
        Thread writer = new Thread(race::write, "lock-writer");
        Thread reader = new Thread(race::read, "lockless-reader");
        writer.start(); // start:lock-writer
        reader.start(); // start:lockless-reader
        writer.join();
        reader.join();
        System.out.println("held-by-main=" + race.lock.isHeldByCurrentThread());
    }
}
