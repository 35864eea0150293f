package programs;

import java.util.concurrent.ExecutorService;

/**
 * A thousand virtual threads, each a thread with a clock of its own: each writes its own slot
 * and adds to a counter under a monitor; main reads after joining them all. Then a thousand
 * tasks on a virtual-thread-per-task executor, read after close().
 */
public final class VirtualMany {
    static final int COUNT = 1_000;

    private int input;
    private final int[] slots = new int[COUNT];
    private final int[] executed = new int[COUNT];
    private int counter;
    private final Object lock = new Object();

    public static void main(String[] args) throws Exception {
        VirtualMany s = new VirtualMany();
        s.input = 1;
        Thread[] threads = new Thread[COUNT];
        for (int i = 0; i < COUNT; i++) {
            int k = i;
            threads[i] = VirtualSupport.start("many-" + i, () -> {
                s.slots[k] = s.input + k;
                synchronized (s.lock) {
                    s.counter++;
                }
            });
        }
        for (Thread t : threads) t.join();
        long slots = 0;
        for (int v : s.slots) slots += v;

        ExecutorService executor = VirtualSupport.perTaskExecutor();
        for (int i = 0; i < COUNT; i++) {
            int k = i;
            executor.execute(() -> s.executed[k] = s.input * 2);
        }
        VirtualSupport.close(executor);
        long executed = 0;
        for (int v : s.executed) executed += v;
        System.out.println("slots=" + slots + " counter=" + s.counter + " executed=" + executed);
    }
}
