package programs;

import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The broken twin of {@link AtomicAdderSignals}: the worker counts itself in before it has
 * written its results, so main, which reads them as soon as the counts show, races with each
 * write (the sleep makes main read first; the race does not depend on it).
 */
public final class AtomicAdderEarlyCount {
    static final LongAdder LONG_ADDER = new LongAdder();
    static final DoubleAdder DOUBLE_ADDER = new DoubleAdder();
    static final LongAccumulator LONG_ACCUMULATOR = new LongAccumulator(Long::max, 0);
    static final DoubleAccumulator DOUBLE_ACCUMULATOR = new DoubleAccumulator(Double::max, 0);

    static int longAdderResult;
    static int doubleAdderResult;
    static int longAccumulatorResult;
    static int doubleAccumulatorResult;

    static void work() {
        LONG_ADDER.increment();
        DOUBLE_ADDER.add(1);
        LONG_ACCUMULATOR.accumulate(1);
        DOUBLE_ACCUMULATOR.accumulate(1);
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        longAdderResult = 1; // race:long-adder-write
        doubleAdderResult = 2; // race:double-adder-write
        longAccumulatorResult = 3; // race:long-accumulator-write
        doubleAccumulatorResult = 4; // race:double-accumulator-write
    }

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(AtomicAdderEarlyCount::work, "worker");
        worker.start(); // start:worker
        while (LONG_ADDER.sum() == 0 || DOUBLE_ADDER.sum() == 0 || LONG_ACCUMULATOR.get() == 0
                || DOUBLE_ACCUMULATOR.get() == 0) {
            Thread.onSpinWait();
        }
        int seen = longAdderResult; // race:long-adder-read
        seen += doubleAdderResult; // race:double-adder-read
        seen += longAccumulatorResult; // race:long-accumulator-read
        seen += doubleAccumulatorResult; // race:double-accumulator-read
        worker.join();
        System.out.println("counted=" + LONG_ADDER.sum() + " early=" + (seen < 10));
    }
}
