package programs;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The producer signals under the lock but writes the payload after unlocking: the consumer,
 * woken under the lock, reads it unordered with that write.
 */
public final class LockConditionRace {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private boolean signalled;
    private int payload;
    private int seen;

    void produce() {
        lock.lock();
        try {
            signalled = true;
            ready.signal();
        } finally {
            lock.unlock();
        }
        payload = 42; // race:payload-write
    }

    void consume() {
        lock.lock();
        try {
            while (!signalled) ready.await();
            seen = payload; // race:payload-read
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        LockConditionRace race = new LockConditionRace();
        Thread consumer = new Thread(race::consume, "condition-consumer");
        Thread producer = new Thread(race::produce, "condition-producer");
        consumer.start(); // start:condition-consumer
        producer.start(); // start:condition-producer
        consumer.join();
        producer.join();
        System.out.println("signalled=" + race.signalled);
    }
}
