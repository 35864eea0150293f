package programs;

import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Workers fill a slot each, then count themselves into an adder or accumulator; main waits
 * for the total only all of them reach (+2, +8, -1: no smaller set sums to 9), then reads the
 * slots. One kind of counter per round, each waited on with a different reading method. All
 * correctly synchronised, no race.
 */
public final class AtomicAdderSignals {

    private final int[] slots = new int[3];

    private interface Counter {
        void countIn(int worker);

        boolean reachedNine();

        /** The remaining reading methods, after the wait; all see 9 (or 9 then 0 after a reset). */
        String readAll();
    }

    int round(String name, Counter counter) throws InterruptedException {
        Thread[] workers = new Thread[3];
        for (int w = 0; w < 3; w++) {
            int worker = w;
            workers[w] = new Thread(() -> {
                slots[worker] = worker + 1;
                counter.countIn(worker);
            }, name + "-" + w);
        }
        for (Thread t : workers) t.start();
        while (!counter.reachedNine()) Thread.onSpinWait();
        int sum = slots[0] + slots[1] + slots[2];
        slots[0] = slots[1] = slots[2] = 0; // ordered after the workers' writes too
        String all = counter.readAll();
        for (Thread t : workers) t.join();
        if (!all.startsWith("9")) throw new AssertionError(name + " read " + all);
        return sum;
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicAdderSignals s = new AtomicAdderSignals();
        LongAdder longAdder = new LongAdder();
        int a = s.round("long-adder", new Counter() {
            public void countIn(int w) {
                if (w == 0) { longAdder.increment(); longAdder.increment(); }
                else if (w == 1) longAdder.add(8);
                else longAdder.decrement();
            }
            public boolean reachedNine() { return longAdder.sum() == 9; }
            public String readAll() {
                return longAdder.longValue() + " " + longAdder.intValue() + " " + longAdder.floatValue() + " "
                        + longAdder.doubleValue() + " " + longAdder + " " + longAdder.sumThenReset() + " " + longAdder.sum();
            }
        });
        DoubleAdder doubleAdder = new DoubleAdder();
        int b = s.round("double-adder", new Counter() {
            public void countIn(int w) { doubleAdder.add(w == 0 ? 2 : w == 1 ? 8 : -1); }
            public boolean reachedNine() { return doubleAdder.intValue() == 9; }
            public String readAll() {
                return (long) doubleAdder.sum() + " " + doubleAdder.longValue() + " " + doubleAdder.floatValue() + " "
                        + doubleAdder.doubleValue() + " " + doubleAdder + " " + doubleAdder.sumThenReset();
            }
        });
        LongAccumulator longAccumulator = new LongAccumulator(Long::sum, 0);
        int c = s.round("long-accumulator", new Counter() {
            public void countIn(int w) { longAccumulator.accumulate(w == 0 ? 2 : w == 1 ? 8 : -1); }
            public boolean reachedNine() { return longAccumulator.get() == 9; }
            public String readAll() {
                return longAccumulator.longValue() + " " + longAccumulator.intValue() + " " + longAccumulator.floatValue()
                        + " " + longAccumulator.doubleValue() + " " + longAccumulator + " " + longAccumulator.getThenReset();
            }
        });
        DoubleAccumulator doubleAccumulator = new DoubleAccumulator(Double::sum, 0);
        int d = s.round("double-accumulator", new Counter() {
            public void countIn(int w) { doubleAccumulator.accumulate(w == 0 ? 2 : w == 1 ? 8 : -1); }
            public boolean reachedNine() { return doubleAccumulator.longValue() == 9; }
            public String readAll() {
                return (long) doubleAccumulator.get() + " " + doubleAccumulator.intValue() + " "
                        + doubleAccumulator.floatValue() + " " + doubleAccumulator.doubleValue() + " "
                        + doubleAccumulator + " " + doubleAccumulator.getThenReset();
            }
        });
        longAdder.reset();
        doubleAccumulator.reset();
        System.out.println("sums=" + a + "," + b + "," + c + "," + d + " after-reset=" + longAdder.sum() + ","
                + doubleAccumulator.get());
    }
}
