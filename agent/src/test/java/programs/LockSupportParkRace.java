package programs;

import java.util.concurrent.locks.LockSupport;

/**
 * park/unpark alone: the unparker writes, then unparks the parked thread, which reads. unpark
 * orders nothing (and park may return spuriously), so the read races with the write.
 */
public final class LockSupportParkRace {
    private int data;
    private int seen;

    void parker() {
        LockSupport.park(this);
        seen = data; // race:read-after-park
    }

    void unparker(Thread parker) {
        data = 42; // race:write-before-unpark
        LockSupport.unpark(parker);
    }

    public static void main(String[] args) throws InterruptedException {
        LockSupportParkRace p = new LockSupportParkRace();
        Thread parker = new Thread(p::parker, "parker");
        Thread unparker = new Thread(() -> p.unparker(parker), "unparker");
        parker.start(); // start:parker
        unparker.start(); // start:unparker
        parker.join();
        unparker.join();
        System.out.println("woken");
    }
}
