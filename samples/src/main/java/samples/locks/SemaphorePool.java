package samples.locks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import samples.Verdict;

/**
 * A semaphore limits how many threads use a pool of resources at once (here 2 connections for
 * 5 workers). The semaphore only counts; the pool's deque itself is guarded by a lock, since
 * two threads hold permits at the same time. See {@link SemaphoreCounterRace} for what happens
 * when a semaphore is mistaken for a lock.
 */
@Verdict(topics = 12, title = "Semaphore(2) limits use of a connection pool")
public class SemaphorePool {

    private final Semaphore permits = new Semaphore(2);
    private final Deque<String> connections = new ArrayDeque<>(java.util.List.of("conn-1", "conn-2"));

    String acquire() throws InterruptedException {
        permits.acquire();
        synchronized (connections) {
            return connections.pop();
        }
    }

    void release(String connection) {
        synchronized (connections) {
            connections.push(connection);
        }
        permits.release();
    }

    public static void main(String[] args) throws InterruptedException {
        SemaphorePool pool = new SemaphorePool();
        Thread[] workers = new Thread[5];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(() -> {
                try {
                    String c = pool.acquire();
                    try {
                        System.out.println(Thread.currentThread().getName() + " uses " + c);
                        Thread.sleep(20);
                    } finally {
                        pool.release(c);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "worker-" + i);
            workers[i].start();
        }
        for (Thread w : workers) {
            w.join();
        }
    }
}
