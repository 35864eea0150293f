package programs;

import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinPool;

/**
 * A CountedCompleter that completes without counting a child it forked: its onCompletion
 * reads the child's field while the child, on the other worker, is still to write it.
 */
public final class TaskCountedCompleterRace {

    static final class Child extends CountedCompleter<Void> {
        volatile boolean started;
        int value;

        @Override
        public void compute() {
            started = true;
            TaskSupport.sleep(300);
            value = 42; // race:child-write
            tryComplete();
        }
    }

    static final class Parent extends CountedCompleter<Void> {
        final Child child = new Child();   // not linked to this completer, not counted
        int seen;

        @Override
        public void compute() {
            child.fork();
            while (!child.started) Thread.onSpinWait();   // so the child runs on the other worker
            tryComplete();
        }

        @Override
        public void onCompletion(CountedCompleter<?> caller) {
            seen = child.value; // race:child-read
        }
    }

    public static void main(String[] args) throws Exception {
        ForkJoinPool pool = TaskSupport.forkJoinPool(2, "cc");
        Parent parent = new Parent();
        pool.invoke(parent);
        parent.child.join();
        pool.shutdown();
        System.out.println("seen=" + parent.seen);
    }
}
