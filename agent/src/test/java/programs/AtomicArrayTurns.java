package programs;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Turns handed over through the elements of AtomicIntegerArray, AtomicLongArray and
 * AtomicReferenceArray: round r waits on element r % 3 and passes the turn on element
 * (r + 1) % 3, every releasing and acquiring method in turn; then a count-down per element
 * through the incrementing and decrementing methods. All correctly synchronised, no race.
 */
public final class AtomicArrayTurns {

    static final int ROUNDS = 60;

    /** Element j holds the round whose turn it carries; the one round r + 1 overwrites holds r - 2. */
    static final class IntTurns extends AtomicTurns {
        final AtomicIntegerArray turns = new AtomicIntegerArray(new int[] {0, -2, -1});

        @Override
        protected void await(int r) {
            int i = r % 3;
            while (turns.getOpaque(i) != r) Thread.onSpinWait();
            switch (r % 11) {
                case 0 -> check(turns.get(i) == r);
                case 1 -> check(turns.getAcquire(i) == r);
                case 2 -> check(turns.toString().startsWith("["));
                case 3 -> check(turns.compareAndSet(i, r, r));
                case 4 -> check(turns.compareAndExchange(i, r, r) == r);
                case 5 -> check(turns.compareAndExchangeAcquire(i, r, r) == r);
                case 6 -> { while (!turns.weakCompareAndSetAcquire(i, r, r)) Thread.onSpinWait(); }
                case 7 -> { while (!turns.weakCompareAndSetVolatile(i, r, r)) Thread.onSpinWait(); }
                case 8 -> check(turns.getAndAdd(i, 0) == r);
                case 9 -> check(turns.updateAndGet(i, v -> v) == r);
                default -> check(turns.getAndAccumulate(i, 0, Integer::sum) == r);
            }
        }

        @Override
        protected void pass(int r) {
            int j = (r + 1) % 3;
            switch (r % 15) {
                case 0 -> turns.set(j, r + 1);
                case 1 -> turns.lazySet(j, r + 1);
                case 2 -> turns.setRelease(j, r + 1);
                case 3 -> check(turns.getAndSet(j, r + 1) == r - 2);
                case 4 -> check(turns.compareAndSet(j, r - 2, r + 1));
                case 5 -> check(turns.compareAndExchange(j, r - 2, r + 1) == r - 2);
                case 6 -> check(turns.compareAndExchangeRelease(j, r - 2, r + 1) == r - 2);
                case 7 -> { while (!turns.weakCompareAndSetRelease(j, r - 2, r + 1)) Thread.onSpinWait(); }
                case 8 -> { while (!turns.weakCompareAndSetVolatile(j, r - 2, r + 1)) Thread.onSpinWait(); }
                case 9 -> turns.getAndAdd(j, 3);
                case 10 -> turns.addAndGet(j, 3);
                case 11 -> turns.getAndUpdate(j, v -> v + 3);
                case 12 -> turns.updateAndGet(j, v -> v + 3);
                case 13 -> turns.getAndAccumulate(j, 3, Integer::sum);
                default -> turns.accumulateAndGet(j, 3, Integer::sum);
            }
        }
    }

    static final class LongTurns extends AtomicTurns {
        final AtomicLongArray turns = new AtomicLongArray(new long[] {0, -2, -1});

        @Override
        protected void await(int r) {
            int i = r % 3;
            while (turns.getOpaque(i) != r) Thread.onSpinWait();
            switch (r % 11) {
                case 0 -> check(turns.get(i) == r);
                case 1 -> check(turns.getAcquire(i) == r);
                case 2 -> check(turns.toString().startsWith("["));
                case 3 -> check(turns.compareAndSet(i, r, r));
                case 4 -> check(turns.compareAndExchange(i, r, r) == r);
                case 5 -> check(turns.compareAndExchangeAcquire(i, r, r) == r);
                case 6 -> { while (!turns.weakCompareAndSetAcquire(i, r, r)) Thread.onSpinWait(); }
                case 7 -> { while (!turns.weakCompareAndSetVolatile(i, r, r)) Thread.onSpinWait(); }
                case 8 -> check(turns.addAndGet(i, 0) == r);
                case 9 -> check(turns.getAndUpdate(i, v -> v) == r);
                default -> check(turns.accumulateAndGet(i, 0, Long::sum) == r);
            }
        }

        @Override
        protected void pass(int r) {
            int j = (r + 1) % 3;
            switch (r % 15) {
                case 0 -> turns.set(j, r + 1);
                case 1 -> turns.lazySet(j, r + 1);
                case 2 -> turns.setRelease(j, r + 1);
                case 3 -> check(turns.getAndSet(j, r + 1) == r - 2);
                case 4 -> check(turns.compareAndSet(j, r - 2, r + 1));
                case 5 -> check(turns.compareAndExchange(j, r - 2, r + 1) == r - 2);
                case 6 -> check(turns.compareAndExchangeRelease(j, r - 2, r + 1) == r - 2);
                case 7 -> { while (!turns.weakCompareAndSetRelease(j, r - 2, r + 1)) Thread.onSpinWait(); }
                case 8 -> { while (!turns.weakCompareAndSetVolatile(j, r - 2, r + 1)) Thread.onSpinWait(); }
                case 9 -> turns.getAndAdd(j, 3);
                case 10 -> turns.addAndGet(j, 3);
                case 11 -> turns.getAndUpdate(j, v -> v + 3);
                case 12 -> turns.updateAndGet(j, v -> v + 3);
                case 13 -> turns.getAndAccumulate(j, 3, Long::sum);
                default -> turns.accumulateAndGet(j, 3, Long::sum);
            }
        }
    }

    /** Round r's token is tokens[r + 2]; element j starts with the token of round j - 3 (or 0). */
    static final class ReferenceTurns extends AtomicTurns {
        final String[] tokens = new String[ROUNDS + 3];
        final AtomicReferenceArray<String> turns;

        ReferenceTurns() {
            for (int i = 0; i < tokens.length; i++) tokens[i] = "round-" + (i - 2);
            turns = new AtomicReferenceArray<>(new String[] {token(0), token(-2), token(-1)});
        }

        String token(int round) {
            return tokens[round + 2];
        }

        @Override
        protected void await(int r) {
            int i = r % 3;
            String mine = token(r);
            while (turns.getOpaque(i) != mine) Thread.onSpinWait();
            switch (r % 9) {
                case 0 -> check(turns.get(i) == mine);
                case 1 -> check(turns.getAcquire(i) == mine);
                case 2 -> check(turns.toString().contains(mine));
                case 3 -> check(turns.compareAndSet(i, mine, mine));
                case 4 -> check(turns.compareAndExchange(i, mine, mine) == mine);
                case 5 -> check(turns.compareAndExchangeAcquire(i, mine, mine) == mine);
                case 6 -> { while (!turns.weakCompareAndSetAcquire(i, mine, mine)) Thread.onSpinWait(); }
                case 7 -> { while (!turns.weakCompareAndSetVolatile(i, mine, mine)) Thread.onSpinWait(); }
                default -> check(turns.updateAndGet(i, v -> v) == mine);
            }
        }

        @Override
        protected void pass(int r) {
            int j = (r + 1) % 3;
            String old = token(r - 2);
            String next = token(r + 1);
            switch (r % 13) {
                case 0 -> turns.set(j, next);
                case 1 -> turns.lazySet(j, next);
                case 2 -> turns.setRelease(j, next);
                case 3 -> check(turns.getAndSet(j, next) == old);
                case 4 -> check(turns.compareAndSet(j, old, next));
                case 5 -> check(turns.compareAndExchange(j, old, next) == old);
                case 6 -> check(turns.compareAndExchangeRelease(j, old, next) == old);
                case 7 -> { while (!turns.weakCompareAndSetRelease(j, old, next)) Thread.onSpinWait(); }
                case 8 -> { while (!turns.weakCompareAndSetVolatile(j, old, next)) Thread.onSpinWait(); }
                case 9 -> turns.getAndUpdate(j, v -> next);
                case 10 -> turns.updateAndGet(j, v -> next);
                case 11 -> turns.getAndAccumulate(j, next, (v, x) -> x);
                default -> turns.accumulateAndGet(j, next, (v, x) -> x);
            }
        }
    }

    private final int[] slots = new int[4];

    /** Four workers fill a slot each and signal on their own element; main takes each slot after its signal. */
    int signals() throws InterruptedException {
        AtomicIntegerArray down = new AtomicIntegerArray(new int[] {1, 1});
        AtomicLongArray up = new AtomicLongArray(2);
        Thread[] workers = {
            new Thread(() -> { slots[0] = 1; down.getAndDecrement(0); }, "signal-0"),
            new Thread(() -> { slots[1] = 2; down.decrementAndGet(1); }, "signal-1"),
            new Thread(() -> { slots[2] = 3; up.getAndIncrement(0); }, "signal-2"),
            new Thread(() -> { slots[3] = 4; up.incrementAndGet(1); }, "signal-3"),
        };
        for (Thread w : workers) w.start();
        int sum = 0;
        for (int i = 0; i < 2; i++) {
            while (down.getOpaque(i) != 0) Thread.onSpinWait();
            check(down.get(i) == 0);
            sum += slots[i];
            while (up.getOpaque(i) != 1) Thread.onSpinWait();
            check(up.get(i) == 1);
            sum += slots[2 + i];
        }
        for (Thread w : workers) w.join();
        return sum;
    }

    private static void check(boolean ok) {
        if (!ok) throw new AssertionError("unexpected atomic value");
    }

    public static void main(String[] args) throws InterruptedException {
        int ints = new IntTurns().play("int-array", ROUNDS);
        int longs = new LongTurns().play("long-array", ROUNDS);
        int references = new ReferenceTurns().play("reference-array", ROUNDS);
        int signals = new AtomicArrayTurns().signals();
        System.out.println("int=" + ints + " long=" + longs + " reference=" + references + " signals=" + signals);
    }
}
