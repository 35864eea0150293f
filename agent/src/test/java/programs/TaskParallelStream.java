package programs;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Parallel streams on the common pool and on a pool of the program's own: a sum over an array
 * main wrote, a reduction of objects made on several threads, a collect, a forEach writing
 * distinct slots. The pools' workers run before main writes the array.
 */
public final class TaskParallelStream {
    static final int N = 2_000;

    private final int[] data = new int[N];
    private final int[] out = new int[N];

    /** A mutable object made and read on different threads. */
    static final class Cell {
        int value;

        Cell(int value) {
            this.value = value;
        }

        Cell merge(Cell other) {
            return new Cell(value + other.value);
        }
    }

    public static void main(String[] args) throws Exception {
        TaskParallelStream s = new TaskParallelStream();
        ForkJoinPool own = TaskSupport.forkJoinPool(2, "stream");
        IntStream.range(0, N).parallel().forEach(i -> { });
        own.submit(() -> IntStream.range(0, N).parallel().forEach(i -> { })).get();
        for (int i = 0; i < N; i++) s.data[i] = i % 10;

        int sum = IntStream.range(0, N).parallel().map(i -> s.data[i] * 2).sum();
        Cell reduced = IntStream.range(0, N).parallel().mapToObj(i -> new Cell(s.data[i])).reduce(new Cell(0), Cell::merge);
        List<Cell> cells = IntStream.range(0, N).parallel().mapToObj(i -> new Cell(s.data[i] + 1))
                .collect(Collectors.toList());
        int collected = 0;
        for (Cell c : cells) collected += c.value;
        IntStream.range(0, N).parallel().forEach(i -> s.out[i] = s.data[i] + 3);
        int forEach = 0;
        for (int v : s.out) forEach += v;
        int inOwnPool = own.submit(() -> IntStream.range(0, N).parallel().map(i -> s.data[i] + s.out[i]).sum()).get();
        own.shutdown();
        System.out.println("sum=" + sum + " reduced=" + reduced.value + " collected=" + collected + " forEach=" + forEach
                + " own=" + inOwnPool);
    }
}
