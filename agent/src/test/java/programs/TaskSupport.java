package programs;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared by the Task* programs: named pool threads (deterministic report names) and sleeps. */
final class TaskSupport {

    private TaskSupport() {}

    /** Threads named prefix-1, prefix-2, ... in creation order. */
    static ThreadFactory named(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return runnable -> new Thread(runnable, prefix + "-" + next.incrementAndGet());
    }

    /** Fork/join workers named prefix-1, prefix-2, ... in creation order. */
    static ForkJoinPool.ForkJoinWorkerThreadFactory namedWorkers(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return pool -> {
            ForkJoinWorkerThread worker = new ForkJoinWorkerThread(pool) { };
            worker.setName(prefix + "-" + next.incrementAndGet());
            return worker;
        };
    }

    /** A fork/join pool of {@code parallelism} workers named prefix-N. */
    static ForkJoinPool forkJoinPool(int parallelism, String prefix) {
        return new ForkJoinPool(parallelism, namedWorkers(prefix), null, false);
    }

    /** Sleeps; not a happens-before edge, it only fixes the order of accesses in time. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** close() where ExecutorService has it (JDK 19+), else shutdown and awaitTermination. */
    static void finish(java.util.concurrent.ExecutorService pool) throws Exception {
        if (pool instanceof AutoCloseable closeable) {
            closeable.close();
        } else {
            pool.shutdown();
            if (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("pool did not terminate");
            }
        }
    }
}
