package programs;

import java.lang.reflect.Method;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks, conditions, semaphores and interrupts between virtual threads (JDK 21+; compiled for
 * 17, so the threads are made through reflection), all used correctly: a condition handoff, a
 * semaphore handoff, and a sleeping virtual thread interrupted after main wrote its value.
 */
public final class SyncVirtualThreads {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition filled = lock.newCondition();
    private int[] box;
    private int boxSum;

    private final Semaphore handed = new Semaphore(0);
    private String message;
    private String received;

    private int forSleeper;
    private int sleeperSaw;

    void fill() {
        int[] made = {1, 2, 3};
        lock.lock();
        try {
            box = made;
            filled.signal();
        } finally {
            lock.unlock();
        }
    }

    void empty() {
        lock.lock();
        try {
            while (box == null) filled.awaitUninterruptibly();
            for (int v : box) boxSum += v;
        } finally {
            lock.unlock();
        }
    }

    void send() {
        message = "hello";
        handed.release();
    }

    void receive() {
        handed.acquireUninterruptibly();
        received = message;
    }

    void sleeper() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            sleeperSaw = forSleeper;
        }
    }

    /** {@code Thread.ofVirtual().name(name).start(task)}, through reflection. */
    static Thread startVirtual(String name, Runnable task) throws ReflectiveOperationException {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Class<?> builderType = Class.forName("java.lang.Thread$Builder");
        builder = builderType.getMethod("name", String.class).invoke(builder, name);
        Method start = builderType.getMethod("start", Runnable.class);
        return (Thread) start.invoke(builder, task);
    }

    public static void main(String[] args) throws Exception {
        SyncVirtualThreads v = new SyncVirtualThreads();
        Thread emptier = startVirtual("v-emptier", v::empty);
        Thread filler = startVirtual("v-filler", v::fill);
        Thread receiver = startVirtual("v-receiver", v::receive);
        Thread sender = startVirtual("v-sender", v::send);
        Thread sleeper = startVirtual("v-sleeper", v::sleeper);
        SyncStates.awaitState(sleeper, Thread.State.TIMED_WAITING);
        v.forSleeper = 7;
        sleeper.interrupt();
        for (Thread t : new Thread[] {emptier, filler, receiver, sender, sleeper}) t.join();
        System.out.println("box=" + v.boxSum + " received=" + v.received + " sleeper=" + v.sleeperSaw
                + " virtual=" + Thread.class.getMethod("isVirtual").invoke(sleeper));
    }
}
