package programs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A synchronized list iterated without holding its monitor (its documentation requires it)
 * while another thread, later (a sleep, which orders nothing), adds to it: the wrapper's add
 * writes the wrapped ArrayList under the monitor, the unlocked iteration reads it, and the two
 * race (the write is reported at the wrapper's line inside the JDK, called from the add line).
 */
public final class CollSynchronizedIterationRace {

    public static void main(String[] args) throws InterruptedException {
        List<Integer> list = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 5; i++) list.add(i);
        int[] seen = new int[1];
        Thread iterator = new Thread(() -> seen[0] = iterate(list), "iterator");
        Thread adder = new Thread(() -> addLater(list), "adder");
        iterator.start(); // start:iterator
        adder.start(); // start:adder
        iterator.join();
        adder.join();
        System.out.println("size=" + list.size());
    }

    static int iterate(List<Integer> list) {
        int n = 0;
        try {
            for (Integer x : list) { // race:unlocked-iteration
                n += x;
            }
        } catch (RuntimeException e) {
            // a concurrent modification may show; the report is what matters
        }
        return n;
    }

    static void addLater(List<Integer> list) {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        list.add(99); // race:locked-add
    }
}
