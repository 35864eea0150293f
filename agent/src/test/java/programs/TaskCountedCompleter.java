package programs;

import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinPool;

/**
 * CountedCompleter: a sum whose onCompletion reads its children's fields (written on other
 * workers); a for-each whose leaves write their own slots and complete through
 * propagateCompletion; a task completed with complete(value). Main reads everything after invoke.
 */
public final class TaskCountedCompleter {
    static final int N = 64;

    private final int[] data = new int[N];
    private final int[] squares = new int[N];

    final class Sum extends CountedCompleter<Integer> {
        final int lo;
        final int hi;
        Sum left;
        Sum right;
        int result;

        Sum(Sum parent, int lo, int hi) {
            super(parent);
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public void compute() {
            if (hi - lo > 4) {
                int mid = (lo + hi) >>> 1;
                left = new Sum(this, lo, mid);
                right = new Sum(this, mid, hi);
                setPendingCount(1);
                right.fork();
                left.compute();
            } else {
                for (int i = lo; i < hi; i++) result += data[i];
                tryComplete();
            }
        }

        @Override
        public void onCompletion(CountedCompleter<?> caller) {
            if (left != null) result = left.result + right.result;
        }

        @Override
        public Integer getRawResult() {
            return result;
        }
    }

    final class Squares extends CountedCompleter<Void> {
        final int lo;
        final int hi;

        Squares(Squares parent, int lo, int hi) {
            super(parent);
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public void compute() {
            int l = lo;
            int h = hi;
            while (h - l > 4) {
                int mid = (l + h) >>> 1;
                addToPendingCount(1);
                new Squares(this, mid, h).fork();
                h = mid;
            }
            for (int i = l; i < h; i++) squares[i] = data[i] * data[i];
            propagateCompletion();
        }
    }

    final class Answer extends CountedCompleter<Integer> {
        int answer;

        @Override
        public void compute() {
            complete(data[N - 1] + data[1]);
        }

        @Override
        protected void setRawResult(Integer value) {
            if (value != null) answer = value;
        }

        @Override
        public Integer getRawResult() {
            return answer;
        }
    }

    public static void main(String[] args) throws Exception {
        TaskCountedCompleter s = new TaskCountedCompleter();
        ForkJoinPool pool = TaskSupport.forkJoinPool(2, "cc");
        pool.submit(() -> { }).get();
        for (int i = 0; i < N; i++) s.data[i] = i;

        Sum sum = s.new Sum(null, 0, N);
        int total = pool.invoke(sum);
        int direct = sum.result;
        pool.invoke(s.new Squares(null, 0, N));
        int squares = 0;
        for (int v : s.squares) squares += v;
        Answer answer = s.new Answer();
        int fromInvoke = pool.invoke(answer);
        int field = answer.answer;
        pool.shutdown();
        System.out.println("sum=" + total + "," + direct + " squares=" + squares + " answer=" + fromInvoke + "," + field);
    }
}
