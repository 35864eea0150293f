package samples.basics;

import java.util.ArrayList;
import java.util.List;
import samples.Verdict;

/**
 * Start many threads, keep them in a list, and join every one. Each worker writes only its own
 * slot of the array; main reads the slots after joining all, so nothing races.
 */
@Verdict(topics = 3, title = "list of threads, join() each")
public class JoinAll {

    public static void main(String[] args) throws InterruptedException {
        int n = 8;
        long[] squares = new long[n];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Thread t = new Thread(() -> squares[index] = (long) index * index, "worker-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(); // join them all: every slot is written before we read it
        }
        long sum = 0;
        for (long s : squares) {
            sum += s;
        }
        System.out.println("sum of squares 0.." + (n - 1) + " = " + sum);
    }
}
