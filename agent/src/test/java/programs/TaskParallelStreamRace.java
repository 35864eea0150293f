package programs;

import java.util.stream.IntStream;

/**
 * A parallel forEach whose action writes one shared field: two elements are handled on two
 * threads at once (they meet first, so both threads surely take part), and both write it.
 */
public final class TaskParallelStreamRace {
    private int last;
    private final Object meeting = new Object();
    private volatile int arrived;

    void handle(int i) {
        synchronized (meeting) {
            arrived++;
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (arrived < 2 && System.nanoTime() < deadline) Thread.onSpinWait();
        last = i; // race:last-write
    }

    public static void main(String[] args) {
        TaskParallelStreamRace s = new TaskParallelStreamRace();
        IntStream.range(0, 2).parallel().forEach(s::handle);
        System.out.println("met=" + (s.arrived == 2));
    }
}
