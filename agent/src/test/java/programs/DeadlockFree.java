package programs;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lock-order inversions that cannot deadlock, one per argument: a common gate lock, threads
 * ordered by start/join, one thread alone, a consistent order, a latch between the two orders,
 * and a tryLock that does not wait.
 */
public class DeadlockFree {

    static final Object A = new Object();
    static final Object B = new Object();
    static final Object GATE = new Object();
    static final ReentrantLock C = new ReentrantLock();
    static final ReentrantLock D = new ReentrantLock();

    public static void main(String[] args) throws InterruptedException {
        switch (args[0]) {
            case "gate" -> both(() -> {
                synchronized (GATE) {
                    abOrBa(true);
                }
            }, () -> {
                synchronized (GATE) {
                    abOrBa(false);
                }
            });
            case "joined" -> {
                Thread first = new Thread(() -> abOrBa(true), "first");
                first.start();
                first.join();
                Thread second = new Thread(() -> abOrBa(false), "second");
                second.start();
                second.join();
            }
            case "alone" -> {
                abOrBa(true);
                abOrBa(false);
            }
            case "ordered" -> both(() -> abOrBa(true), () -> abOrBa(true));
            case "latch" -> {
                CountDownLatch firstDone = new CountDownLatch(1);
                both(() -> {
                    abOrBa(true);
                    firstDone.countDown();
                }, () -> {
                    try {
                        firstDone.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    abOrBa(false);
                });
            }
            case "trylock" -> both(() -> {
                C.lock();
                try {
                    if (D.tryLock()) D.unlock();
                } finally {
                    C.unlock();
                }
            }, () -> {
                Pause.millis(100);
                D.lock();
                try {
                    if (C.tryLock()) C.unlock();
                } finally {
                    D.unlock();
                }
            });
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.println("done " + args[0]);
    }

    static void abOrBa(boolean ab) {
        Object first = ab ? A : B;
        Object second = ab ? B : A;
        synchronized (first) {
            synchronized (second) {
                System.out.println(ab ? "a then b" : "b then a");
            }
        }
    }

    static void both(Runnable one, Runnable two) throws InterruptedException {
        Thread t1 = new Thread(one, "one");
        Thread t2 = new Thread(() -> {
            Pause.millis(100);
            two.run();
        }, "two");
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    }
}
