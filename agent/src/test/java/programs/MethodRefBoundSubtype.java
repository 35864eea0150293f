package programs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * A method reference bound to a receiver whose static type is a subtype of the method's owner
 * ({@code ConcurrentMap m; m::get}, where get is declared by Map): the program must run as
 * without the agent, and a value put before the reader thread starts is read without a race.
 */
public final class MethodRefBoundSubtype {

    static final class Box {
        int value;
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentMap<String, Box> map = new ConcurrentHashMap<>();
        Function<String, Box> lookup = map::get;
        Thread writer = new Thread(() -> {
            Box box = new Box();
            box.value = 7;
            map.put("answer", box);
        }, "writer");
        writer.start();
        Box seen = null;
        while (seen == null) seen = lookup.apply("answer");
        System.out.println("value=" + seen.value);
        writer.join();
    }
}
