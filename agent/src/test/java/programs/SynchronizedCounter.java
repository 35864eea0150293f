package programs;

/** Counters guarded by a synchronized method, a synchronized block and a static synchronized method. */
public final class SynchronizedCounter {
    static final int INCREMENTS = 1_000;

    private static int staticCount;

    private final Object lock = new Object();
    private int methodCount;
    private int blockCount;

    synchronized void incMethod() {
        methodCount++;
    }

    void incBlock() {
        synchronized (lock) {
            blockCount++;
        }
    }

    static synchronized void incStatic() {
        staticCount++;
    }

    synchronized int methodCount() {
        return methodCount;
    }

    public static void main(String[] args) throws InterruptedException {
        SynchronizedCounter counter = new SynchronizedCounter();
        Runnable work = () -> {
            for (int i = 0; i < INCREMENTS; i++) {
                counter.incMethod();
                counter.incBlock();
                incStatic();
            }
        };
        Thread first = new Thread(work, "sync-1");
        Thread second = new Thread(work, "sync-2");
        first.start();
        second.start();
        first.join();
        second.join();
        // Read after join without the locks: ordered by join.
        System.out.println("method=" + counter.methodCount + " block=" + counter.blockCount
                + " static=" + staticCount);
    }
}
