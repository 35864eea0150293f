package programs;

/**
 * Helpers for the Lock* and Sync* programs that must order steps of different threads without
 * creating any happens-before edge: watching a thread's state, and sleeping.
 */
public final class SyncStates {
    private SyncStates() {
    }

    /** Waits until {@code t} is in {@code state} (WAITING, TIMED_WAITING: never TERMINATED, an edge). */
    public static void awaitState(Thread t, Thread.State state) {
        while (t.getState() != state) {
            Thread.onSpinWait();
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
