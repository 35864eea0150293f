package programs;

/**
 * Unsynchronised lazy singleton used by two threads. The second thread starts its call later
 * (a sleep, which is no synchronisation), so normally the first creates the instance and the
 * second only sees it; the program prints which threads created an instance so the test knows
 * the interleaving that actually happened.
 */
public final class RacyLazyInit {
    private static RacyLazyInit instance;

    private RacyLazyInit() {
    }

    /** Reads the field once (so the only read is on the check line) and publishes without sync. */
    static RacyLazyInit getInstance(boolean[] created, int caller) {
        RacyLazyInit current = instance; // race:lazy-check
        if (current == null) {
            current = new RacyLazyInit();
            instance = current; // race:lazy-assign
            created[caller] = true;
        }
        return current;
    }

    public static void main(String[] args) throws InterruptedException {
        boolean[] created = new boolean[2];
        RacyLazyInit[] seen = new RacyLazyInit[2];
        Thread first = new Thread(() -> seen[0] = getInstance(created, 0), "lazy-1");
        Thread second = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            seen[1] = getInstance(created, 1);
        }, "lazy-2");
        first.start(); // start:lazy-1
        second.start(); // start:lazy-2
        first.join();
        second.join();
        StringBuilder creators = new StringBuilder();
        if (created[0]) {
            creators.append("lazy-1");
        }
        if (created[1]) {
            creators.append(creators.length() > 0 ? "," : "").append("lazy-2");
        }
        System.out.println("created-by=" + creators);
        System.out.println("same-instance=" + (seen[0] == seen[1]));
    }
}
