package programs;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * CountDownLatches used correctly: workers write their results then count down; main reads
 * them after await(), after a timed await that returns true, and after seeing getCount() == 0.
 */
public final class SyncLatchHandoff {
    static final int WORKERS = 3;

    private final int[] results = new int[WORKERS];
    private final int[] moreResults = new int[WORKERS];
    private final int[] lastResults = new int[WORKERS];

    void work(int id, CountDownLatch a, CountDownLatch b, CountDownLatch c) {
        results[id] = id + 1;
        a.countDown();
        moreResults[id] = 10 * (id + 1);
        b.countDown();
        lastResults[id] = 100 * (id + 1);
        c.countDown();
    }

    public static void main(String[] args) throws InterruptedException {
        SyncLatchHandoff h = new SyncLatchHandoff();
        CountDownLatch a = new CountDownLatch(WORKERS);
        CountDownLatch b = new CountDownLatch(WORKERS);
        CountDownLatch c = new CountDownLatch(WORKERS);
        for (int i = 0; i < WORKERS; i++) {
            int id = i;
            new Thread(() -> h.work(id, a, b, c), "latch-worker-" + i).start();
        }
        a.await();
        int sum = 0;
        for (int r : h.results) sum += r;
        if (!b.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("latch not at zero in 30 s");
        for (int r : h.moreResults) sum += r;
        while (c.getCount() != 0) {
            Thread.onSpinWait();
        }
        for (int r : h.lastResults) sum += r;
        System.out.println("sum=" + sum);
    }
}
