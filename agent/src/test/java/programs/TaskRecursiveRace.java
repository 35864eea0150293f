package programs;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * A forked subtask nobody joins: the parent returns, main's invoke returns, and main then reads
 * the field the subtask writes.
 */
public final class TaskRecursiveRace {
    private int late;

    void lateWrite() {
        TaskSupport.sleep(300);
        late = 1; // race:late-write
    }

    public static void main(String[] args) throws Exception {
        TaskRecursiveRace s = new TaskRecursiveRace();
        ForkJoinPool pool = TaskSupport.forkJoinPool(2, "rec");
        RecursiveAction child = new RecursiveAction() {
            @Override
            protected void compute() {
                s.lateWrite();
            }
        };
        pool.invoke(new RecursiveAction() {
            @Override
            protected void compute() {
                child.fork();   // and never joined
            }
        });
        TaskSupport.sleep(600);
        int seen = s.late; // race:late-read
        child.join();
        pool.shutdown();
        System.out.println("seen=" + seen);
    }
}
