package programs;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Conditions used correctly: a one-slot producer/consumer on a ReentrantLock's two conditions,
 * waiting every way a Condition offers; a condition of a ReentrantReadWriteLock's write lock;
 * and an await that ends in InterruptedException, after which the thread reads what another
 * thread wrote under the lock while it waited.
 */
public final class LockConditionHandoff {
    static final int ITEMS = 200;

    /** Made by the producer and read by the consumer outside the lock. */
    static final class Message {
        int value;
        int square;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private Message slot;
    private long sum;

    void put(Message m, int i) throws InterruptedException {
        lock.lock();
        try {
            while (slot != null) {
                if (i % 2 == 0) notFull.await();
                else notFull.awaitUninterruptibly();
            }
            slot = m;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    Message take(int i) throws InterruptedException {
        lock.lock();
        try {
            while (slot == null) {
                switch (i % 4) {
                    case 0 -> notEmpty.await();
                    case 1 -> notEmpty.awaitNanos(TimeUnit.SECONDS.toNanos(30));
                    case 2 -> notEmpty.await(30, TimeUnit.SECONDS);
                    default -> notEmpty.awaitUntil(new Date(System.currentTimeMillis() + 30_000));
                }
            }
            Message m = slot;
            slot = null;
            notFull.signalAll();
            return m;
        } finally {
            lock.unlock();
        }
    }

    void produce() {
        try {
            for (int i = 1; i <= ITEMS; i++) {
                Message m = new Message();
                m.value = i;
                m.square = i * i;
                put(m, i);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    void consume() {
        try {
            for (int i = 1; i <= ITEMS; i++) {
                Message m = take(i);
                sum += m.square - m.value;
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- a condition of a read-write lock's write lock ---

    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Condition published = rw.writeLock().newCondition();
    private int rwData;
    private boolean rwReady;
    private int rwSeen;

    void rwWaiter() {
        rw.writeLock().lock();
        try {
            while (!rwReady) published.await();
            rwSeen = rwData;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            rw.writeLock().unlock();
        }
    }

    void rwPublisher() {
        rw.writeLock().lock();
        try {
            rwData = 5;
            rwReady = true;
            published.signal();
        } finally {
            rw.writeLock().unlock();
        }
    }

    // --- an await ended by an interrupt ---

    private final Condition never = lock.newCondition();
    private int duringWait;
    private int seenAfterInterrupt;

    void interruptedWaiter() {
        lock.lock();
        try {
            while (true) never.await();
        } catch (InterruptedException e) {
            seenAfterInterrupt = duringWait; // the lock is held again: ordered after the holder
        } finally {
            lock.unlock();
        }
    }

    void holder() {
        lock.lock();
        try {
            duringWait = 99;
            SyncStates.pause(300); // main interrupts the waiter now; it waits for the lock
        } finally {
            lock.unlock();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        LockConditionHandoff h = new LockConditionHandoff();
        Thread producer = new Thread(h::produce, "producer");
        Thread consumer = new Thread(h::consume, "consumer");
        consumer.start();
        producer.start();
        consumer.join();
        producer.join();

        Thread rwWaiter = new Thread(h::rwWaiter, "rw-waiter");
        Thread rwPublisher = new Thread(h::rwPublisher, "rw-publisher");
        rwWaiter.start();
        SyncStates.awaitState(rwWaiter, Thread.State.WAITING);
        rwPublisher.start();
        rwWaiter.join();
        rwPublisher.join();

        // No happens-before between main and the holder: main only watches the threads' states.
        Thread waiter = new Thread(h::interruptedWaiter, "interrupted-waiter");
        Thread holder = new Thread(h::holder, "holder");
        waiter.start();
        SyncStates.awaitState(waiter, Thread.State.WAITING);
        holder.start();
        SyncStates.awaitState(holder, Thread.State.TIMED_WAITING);
        waiter.interrupt();
        waiter.join();
        holder.join();

        System.out.println("sum=" + h.sum + " rw=" + h.rwSeen + " after-interrupt=" + h.seenAfterInterrupt);
    }
}
