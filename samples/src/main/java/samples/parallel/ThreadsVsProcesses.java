package samples.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.stream.LongStream;
import samples.Verdict;

/**
 * Python uses multiprocessing to get around the GIL. In Java the same sum can be split over
 * threads in one JVM (a parallel stream, or fork/join), which share memory and start cheaply;
 * a child process shares nothing and costs a JVM start-up. All three give the same answer.
 */
@Verdict(topics = 23, title = "parallel stream / fork-join vs a child process")
public class ThreadsVsProcesses {

    static final long N = 2_000_000;

    /** Fork/join: split the range until it is small, sum the halves. */
    static final class Sum extends RecursiveTask<Long> {
        private final long from;
        private final long to;

        Sum(long from, long to) {
            this.from = from;
            this.to = to;
        }

        @Override
        protected Long compute() {
            if (to - from < 100_000) {
                long s = 0;
                for (long i = from; i < to; i++) {
                    s += i;
                }
                return s;
            }
            long mid = (from + to) / 2;
            Sum left = new Sum(from, mid);
            left.fork();
            return new Sum(mid, to).compute() + left.join();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("child")) {
            System.out.println(LongStream.range(0, N).sum()); // the child process's work
            return;
        }
        long t0 = System.nanoTime();
        long stream = LongStream.range(0, N).parallel().sum();
        long t1 = System.nanoTime();
        long forkJoin = ForkJoinPool.commonPool().invoke(new Sum(0, N));
        long t2 = System.nanoTime();
        // A separate JVM, like multiprocessing: same program, "child" mode, result on stdout.
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ThreadsVsProcesses.class.getName(), "child").redirectErrorStream(true).start();
        long process = Long.parseLong(new String(child.getInputStream().readAllBytes()).trim());
        child.waitFor();
        long t3 = System.nanoTime();
        System.out.printf("parallel stream %d in %d ms; fork/join %d in %d ms; child process %d in %d ms%n",
                stream, (t1 - t0) / 1_000_000, forkJoin, (t2 - t1) / 1_000_000, process, (t3 - t2) / 1_000_000);
    }
}
