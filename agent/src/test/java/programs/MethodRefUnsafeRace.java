package programs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Two threads fill one plain HashSet through a method reference ({@code words.forEach(set::add)})
 * with nothing ordering them: the race inside the HashSet's map is reported at the line of the
 * method reference, in each thread's lambda.
 */
public final class MethodRefUnsafeRace {

    public static void main(String[] args) throws InterruptedException {
        Set<String> set = new HashSet<>();
        List<String> first = List.of("a", "b", "c");
        List<String> second = List.of("x", "y", "z");
        Thread a = new Thread(() -> first.forEach(set::add), "filler-a"); // race:fill-a
        Thread b = new Thread(() -> second.forEach(set::add), "filler-b"); // race:fill-b
        a.start(); // start:filler-a
        Thread.sleep(100); // not an edge: only keeps the order of the two fills stable
        b.start(); // start:filler-b
        a.join();
        b.join();
        System.out.println("filled");
    }
}
