package samples.locks;

import java.util.concurrent.locks.ReentrantLock;
import samples.Verdict;

/**
 * Python's RLock: a thread that holds a lock may take it again. Java's monitors and
 * ReentrantLock are both reentrant: a synchronized method may call another synchronized
 * method on the same object, and {@code getHoldCount()} shows the nesting.
 */
@Verdict(topics = 11, title = "nested synchronized, ReentrantLock hold count")
public class Reentrancy {

    private final ReentrantLock lock = new ReentrantLock();
    private int balance;

    synchronized void deposit(int amount) {
        balance += amount;
    }

    synchronized void depositTwice(int amount) {
        deposit(amount); // takes the monitor we already hold: no self-deadlock
        deposit(amount);
    }

    void lockedTwice() {
        lock.lock();
        try {
            lock.lock();
            try {
                balance(lock.getHoldCount());
            } finally {
                lock.unlock();
            }
        } finally {
            lock.unlock();
        }
    }

    private synchronized void balance(int holds) {
        balance += holds;
    }

    public static void main(String[] args) throws InterruptedException {
        Reentrancy r = new Reentrancy();
        Thread a = new Thread(() -> r.depositTwice(10));
        Thread b = new Thread(r::lockedTwice);
        a.start();
        b.start();
        a.join();
        b.join();
        synchronized (r) {
            System.out.println("balance = " + r.balance + " (22)");
        }
    }
}
