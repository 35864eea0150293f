package programs;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;

/**
 * RecursiveTask and RecursiveAction: fork/join, invokeAll of two tasks and of a collection,
 * get and isDone from outside the pool. Subtasks read the array main wrote, write their own
 * fields and slots, and their parents and main read those after joining.
 */
public final class TaskRecursive {
    static final int N = 64;

    private final int[] data = new int[N];
    private final int[] doubled = new int[N];
    private final int[] parts = new int[3];
    private int polled;

    /** Sum of data[lo, hi); each leaf also records its own partial sum in a field. */
    final class Sum extends RecursiveTask<Integer> {
        final int lo;
        final int hi;
        int partial;

        Sum(int lo, int hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected Integer compute() {
            if (hi - lo <= 8) {
                for (int i = lo; i < hi; i++) partial += data[i];
                return partial;
            }
            int mid = (lo + hi) >>> 1;
            Sum left = new Sum(lo, mid);
            Sum right = new Sum(mid, hi);
            left.fork();
            int r = right.compute();
            left.join();
            partial = left.partial + right.partial;
            return r + left.join();
        }
    }

    /** doubled[i] = 2 * data[i], split with invokeAll(left, right). */
    final class Doubler extends RecursiveAction {
        final int lo;
        final int hi;

        Doubler(int lo, int hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo <= 8) {
                for (int i = lo; i < hi; i++) doubled[i] = 2 * data[i];
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Doubler(lo, mid), new Doubler(mid, hi));
        }
    }

    /** Three subtasks run with invokeAll(collection); the parent reads what they wrote. */
    final class Parts extends RecursiveTask<Integer> {
        @Override
        protected Integer compute() {
            List<RecursiveAction> tasks = List.of(part(0), part(1), part(2));
            ForkJoinTask.invokeAll(tasks);
            return parts[0] + parts[1] + parts[2];
        }

        RecursiveAction part(int k) {
            return new RecursiveAction() {
                @Override
                protected void compute() {
                    parts[k] = data[k] + 100;
                }
            };
        }
    }

    public static void main(String[] args) throws Exception {
        TaskRecursive s = new TaskRecursive();
        ForkJoinPool pool = TaskSupport.forkJoinPool(2, "rec");
        pool.submit(() -> { }).get();
        for (int i = 0; i < N; i++) s.data[i] = i;

        Sum sum = s.new Sum(0, N);
        int total = pool.invoke(sum);
        int partial = sum.partial;
        pool.invoke(s.new Doubler(0, N));
        int doubled = 0;
        for (int v : s.doubled) doubled += v;
        int parts = pool.submit(s.new Parts()).get();
        int partsDirect = s.parts[0] + s.parts[1] + s.parts[2];
        ForkJoinTask<?> polled = pool.submit(new RecursiveAction() {
            @Override
            protected void compute() {
                s.polled = s.data[N - 1];
            }
        });
        while (!polled.isDone()) Thread.onSpinWait();
        int polledValue = s.polled;
        pool.shutdown();
        System.out.println("sum=" + total + "," + partial + " doubled=" + doubled + " parts=" + parts + ","
                + partsDirect + " polled=" + polledValue);
    }
}
