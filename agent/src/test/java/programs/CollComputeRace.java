package programs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Two workers share a holder made by computeIfAbsent (chm or cslm) and both write its field
 * without a lock: the map publishes the holder it made (the constructor's write does not race),
 * not the workers' later writes to it.
 */
public final class CollComputeRace {

    static final class Holder {
        int lastUser;

        Holder(String key) {
            this.lastUser = -1;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentMap<String, Holder> map = args[0].equals("chm") ? new ConcurrentHashMap<>() : new ConcurrentSkipListMap<>();
        Thread first = new Thread(() -> use(map, 1), "user-1");
        Thread second = new Thread(() -> use(map, 2), "user-2");
        first.start(); // start:user-1
        second.start(); // start:user-2
        first.join();
        second.join();
        System.out.println("holders=" + map.size());
    }

    static void use(ConcurrentMap<String, Holder> map, int id) {
        Holder holder = map.computeIfAbsent("shared", Holder::new);
        holder.lastUser = id; // race:last-user
    }
}
