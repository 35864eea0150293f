package programs;

import java.util.concurrent.locks.LockSupport;

/** park/unpark with a volatile flag, as they must be used: the flag orders the data. */
public final class LockSupportParkFlag {
    private int data;
    private volatile boolean ready;
    private int seen;

    void parker() {
        while (!ready) LockSupport.park(this);
        seen = data;
    }

    void unparker(Thread parker) {
        data = 42;
        ready = true;
        LockSupport.unpark(parker);
    }

    public static void main(String[] args) throws InterruptedException {
        LockSupportParkFlag p = new LockSupportParkFlag();
        Thread parker = new Thread(p::parker, "flag-parker");
        Thread unparker = new Thread(() -> p.unparker(parker), "flag-unparker");
        parker.start();
        unparker.start();
        parker.join();
        unparker.join();
        System.out.println("seen=" + p.seen);
    }
}
