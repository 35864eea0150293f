package programs;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * A task still running when the fork/join pool's awaitTermination times out: the read of its
 * result races with its write.
 */
public final class TaskForkJoinPoolRace {
    private int result;

    void compute() {
        TaskSupport.sleep(400);
        result = 42; // race:result-write
    }

    public static void main(String[] args) throws Exception {
        TaskForkJoinPoolRace s = new TaskForkJoinPoolRace();
        ForkJoinPool pool = TaskSupport.forkJoinPool(2, "fj");
        pool.execute(s::compute);
        pool.shutdown();
        boolean terminated = pool.awaitTermination(50, TimeUnit.MILLISECONDS);
        int seen = s.result; // race:result-read
        if (!pool.awaitTermination(1, TimeUnit.MINUTES)) throw new IllegalStateException("pool did not end");
        System.out.println("terminated-in-time=" + terminated);
        System.out.println("seen=" + seen);
    }
}
