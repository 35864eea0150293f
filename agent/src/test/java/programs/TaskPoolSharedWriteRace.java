package programs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Two tasks on a pool of two threads write the same field without synchronisation. */
public final class TaskPoolSharedWriteRace {
    private int shared;

    public static void main(String[] args) throws Exception {
        TaskPoolSharedWriteRace s = new TaskPoolSharedWriteRace();
        ExecutorService pool = Executors.newFixedThreadPool(2, TaskSupport.named("shared"));
        Future<?> first = pool.submit(() -> { // start:shared-1
            s.shared = 1; // race:shared-write-1
        });
        Future<?> second = pool.submit(() -> { // start:shared-2
            s.shared = 2; // race:shared-write-2
        });
        first.get();
        second.get();
        int after = s.shared;   // ordered after both by get
        pool.shutdown();
        System.out.println("shared-set=" + (after == 1 || after == 2));
    }
}
