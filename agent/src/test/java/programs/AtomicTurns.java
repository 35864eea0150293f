package programs;

/**
 * Two threads take turns: in round r the thread of r's parity waits for its turn, reads and
 * writes the plain field {@code shared}, then passes the turn on. Only the hand-over orders one
 * round's accesses before the next round's, so a hand-over the analysis does not see as a
 * release/acquire pair shows as a race on {@code shared}. Subclasses hand over through one
 * primitive, with a different releasing and acquiring method from round to round.
 */
public abstract class AtomicTurns {
    private int shared;

    /**
     * Waits until it is round {@code round}'s turn, spinning with a method that orders nothing
     * (an opaque read), then takes the turn with the round's acquiring method; so the only edge
     * into the round is that method's.
     */
    protected abstract void await(int round);

    /** Passes the turn from {@code round} to {@code round + 1} with the round's releasing method. */
    protected abstract void pass(int round);

    /** Plays {@code rounds} rounds on two threads named after {@code name}; returns the sum of the rounds. */
    public final int play(String name, int rounds) throws InterruptedException {
        Thread even = new Thread(() -> run(0, rounds), name + "-even");
        Thread odd = new Thread(() -> run(1, rounds), name + "-odd");
        even.start();
        odd.start();
        even.join();
        odd.join();
        return shared;
    }

    private void run(int parity, int rounds) {
        for (int r = parity; r < rounds; r += 2) {
            await(r);
            shared += r;
            pass(r);
        }
    }

    /** Fails the program when an acquiring method did not see the turn it was expected to see. */
    protected static void check(boolean sawTurn) {
        if (!sawTurn) throw new AssertionError("the acquiring method did not see the turn");
    }
}
