package instrumented;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Modelled library calls in the shapes the instrumenter must keep valid: interface and
 * class owners, wide arguments, boolean results, calls inside loops and handlers (stack map
 * frames around the kept operands), a wide value left on the stack beneath the call, and a
 * call whose receiver is null (the call itself must throw, not the hook).
 */
public class ModelledCalls {

    private final Lock lock = new ReentrantLock();
    private final ReentrantLock concrete = new ReentrantLock();
    private int guarded;

    int loopUnderLock(int n) {
        for (int i = 0; i < n; i++) {
            lock.lock();
            try {
                guarded += i;
            } finally {
                lock.unlock();
            }
        }
        return guarded;
    }

    long wideBeneath(long base) throws InterruptedException {
        // base stays on the operand stack under the receiver and arguments of tryLock
        long sum = base + (concrete.tryLock(5, TimeUnit.MILLISECONDS) ? 1 : 0);
        concrete.unlock();
        return sum;
    }

    static String nullReceiver() {
        Lock none = null;
        try {
            none.lock();
            return "no exception";
        } catch (NullPointerException expected) {
            return "npe";
        }
    }

    public static String run() throws Exception {
        ModelledCalls m = new ModelledCalls();
        return m.loopUnderLock(4) + "," + m.wideBeneath(40L) + "," + nullReceiver();
    }
}
