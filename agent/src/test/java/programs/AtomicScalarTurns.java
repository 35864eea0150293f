package programs;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns handed over through AtomicInteger, AtomicLong, AtomicBoolean and AtomicReference, every
 * releasing and every acquiring method in turn, then a count-down through the decrementing
 * methods: all correctly synchronised, no race.
 */
public final class AtomicScalarTurns {

    static final int ROUNDS = 72;

    static final class IntTurns extends AtomicTurns {
        final AtomicInteger turn = new AtomicInteger();

        @Override
        protected void await(int r) {
            while (turn.getOpaque() != r) Thread.onSpinWait();
            switch (r % 16) {
                case 0 -> check(turn.get() == r);
                case 1 -> check(turn.getAcquire() == r);
                case 2 -> check(turn.intValue() == r);
                case 3 -> check(turn.longValue() == r);
                case 4 -> check(turn.floatValue() == r);
                case 5 -> check(turn.doubleValue() == r);
                case 6 -> check(turn.toString().equals(Integer.toString(r)));
                case 7 -> check(turn.compareAndSet(r, r));
                case 8 -> check(turn.compareAndExchange(r, r) == r);
                case 9 -> check(turn.compareAndExchangeAcquire(r, r) == r);
                case 10 -> { while (!turn.weakCompareAndSetAcquire(r, r)) Thread.onSpinWait(); }
                case 11 -> { while (!turn.weakCompareAndSetVolatile(r, r)) Thread.onSpinWait(); }
                case 12 -> check(turn.getAndAdd(0) == r);
                case 13 -> check(turn.addAndGet(0) == r);
                case 14 -> check(turn.getAndUpdate(v -> v) == r);
                default -> check(turn.accumulateAndGet(0, Integer::sum) == r);
            }
        }

        @Override
        protected void pass(int r) {
            switch (r % 17) {
                case 0 -> turn.set(r + 1);
                case 1 -> turn.lazySet(r + 1);
                case 2 -> turn.setRelease(r + 1);
                case 3 -> turn.getAndSet(r + 1);
                case 4 -> check(turn.compareAndSet(r, r + 1));
                case 5 -> check(turn.compareAndExchange(r, r + 1) == r);
                case 6 -> check(turn.compareAndExchangeRelease(r, r + 1) == r);
                case 7 -> { while (!turn.weakCompareAndSetRelease(r, r + 1)) Thread.onSpinWait(); }
                case 8 -> { while (!turn.weakCompareAndSetVolatile(r, r + 1)) Thread.onSpinWait(); }
                case 9 -> turn.getAndIncrement();
                case 10 -> turn.incrementAndGet();
                case 11 -> turn.getAndAdd(1);
                case 12 -> turn.addAndGet(1);
                case 13 -> turn.getAndUpdate(v -> v + 1);
                case 14 -> turn.updateAndGet(v -> v + 1);
                case 15 -> turn.getAndAccumulate(1, Integer::sum);
                default -> turn.accumulateAndGet(1, Integer::sum);
            }
        }
    }

    static final class LongTurns extends AtomicTurns {
        final AtomicLong turn = new AtomicLong();

        @Override
        protected void await(int r) {
            while (turn.getOpaque() != r) Thread.onSpinWait();
            switch (r % 16) {
                case 0 -> check(turn.get() == r);
                case 1 -> check(turn.getAcquire() == r);
                case 2 -> check(turn.intValue() == r);
                case 3 -> check(turn.longValue() == r);
                case 4 -> check(turn.floatValue() == r);
                case 5 -> check(turn.doubleValue() == r);
                case 6 -> check(turn.toString().equals(Long.toString(r)));
                case 7 -> check(turn.compareAndSet(r, r));
                case 8 -> check(turn.compareAndExchange(r, r) == r);
                case 9 -> check(turn.compareAndExchangeAcquire(r, r) == r);
                case 10 -> { while (!turn.weakCompareAndSetAcquire(r, r)) Thread.onSpinWait(); }
                case 11 -> { while (!turn.weakCompareAndSetVolatile(r, r)) Thread.onSpinWait(); }
                case 12 -> check(turn.getAndAdd(0) == r);
                case 13 -> check(turn.addAndGet(0) == r);
                case 14 -> check(turn.updateAndGet(v -> v) == r);
                default -> check(turn.getAndAccumulate(0, Long::sum) == r);
            }
        }

        @Override
        protected void pass(int r) {
            switch (r % 17) {
                case 0 -> turn.set(r + 1);
                case 1 -> turn.lazySet(r + 1);
                case 2 -> turn.setRelease(r + 1);
                case 3 -> turn.getAndSet(r + 1);
                case 4 -> check(turn.compareAndSet(r, r + 1));
                case 5 -> check(turn.compareAndExchange(r, r + 1) == r);
                case 6 -> check(turn.compareAndExchangeRelease(r, r + 1) == r);
                case 7 -> { while (!turn.weakCompareAndSetRelease(r, r + 1)) Thread.onSpinWait(); }
                case 8 -> { while (!turn.weakCompareAndSetVolatile(r, r + 1)) Thread.onSpinWait(); }
                case 9 -> turn.getAndIncrement();
                case 10 -> turn.incrementAndGet();
                case 11 -> turn.getAndAdd(1);
                case 12 -> turn.addAndGet(1);
                case 13 -> turn.getAndUpdate(v -> v + 1);
                case 14 -> turn.updateAndGet(v -> v + 1);
                case 15 -> turn.getAndAccumulate(1, Long::sum);
                default -> turn.accumulateAndGet(1, Long::sum);
            }
        }
    }

    /** Round r's turn is the value (r is odd). */
    static final class BooleanTurns extends AtomicTurns {
        final AtomicBoolean turn = new AtomicBoolean();

        @Override
        protected void await(int r) {
            boolean mine = r % 2 == 1;
            while (turn.getOpaque() != mine) Thread.onSpinWait();
            switch (r % 8) {
                case 0 -> check(turn.get() == mine);
                case 1 -> check(turn.getAcquire() == mine);
                case 2 -> check(turn.toString().equals(Boolean.toString(mine)));
                case 3 -> check(turn.compareAndSet(mine, mine));
                case 4 -> check(turn.compareAndExchange(mine, mine) == mine);
                case 5 -> check(turn.compareAndExchangeAcquire(mine, mine) == mine);
                case 6 -> { while (!turn.weakCompareAndSetAcquire(mine, mine)) Thread.onSpinWait(); }
                default -> { while (!turn.weakCompareAndSetVolatile(mine, mine)) Thread.onSpinWait(); }
            }
        }

        @Override
        protected void pass(int r) {
            boolean mine = r % 2 == 1;
            switch (r % 9) {
                case 0 -> turn.set(!mine);
                case 1 -> turn.lazySet(!mine);
                case 2 -> turn.setRelease(!mine);
                case 3 -> check(turn.getAndSet(!mine) == mine);
                case 4 -> check(turn.compareAndSet(mine, !mine));
                case 5 -> check(turn.compareAndExchange(mine, !mine) == mine);
                case 6 -> check(turn.compareAndExchangeRelease(mine, !mine) == mine);
                case 7 -> { while (!turn.weakCompareAndSetRelease(mine, !mine)) Thread.onSpinWait(); }
                default -> { while (!turn.weakCompareAndSetVolatile(mine, !mine)) Thread.onSpinWait(); }
            }
        }
    }

    /** Round r's turn is token r. */
    static final class ReferenceTurns extends AtomicTurns {
        final String[] tokens = new String[ROUNDS + 1];
        final AtomicReference<String> turn;

        ReferenceTurns() {
            for (int i = 0; i < tokens.length; i++) tokens[i] = "round-" + i;
            turn = new AtomicReference<>(tokens[0]);
        }

        @Override
        protected void await(int r) {
            String mine = tokens[r];
            while (turn.getOpaque() != mine) Thread.onSpinWait();
            switch (r % 10) {
                case 0 -> check(turn.get() == mine);
                case 1 -> check(turn.getAcquire() == mine);
                case 2 -> check(turn.toString().equals(mine));
                case 3 -> check(turn.compareAndSet(mine, mine));
                case 4 -> check(turn.compareAndExchange(mine, mine) == mine);
                case 5 -> check(turn.compareAndExchangeAcquire(mine, mine) == mine);
                case 6 -> { while (!turn.weakCompareAndSetAcquire(mine, mine)) Thread.onSpinWait(); }
                case 7 -> { while (!turn.weakCompareAndSetVolatile(mine, mine)) Thread.onSpinWait(); }
                case 8 -> check(turn.updateAndGet(v -> v) == mine);
                default -> check(turn.getAndAccumulate(null, (v, x) -> v) == mine);
            }
        }

        @Override
        protected void pass(int r) {
            String mine = tokens[r];
            String next = tokens[r + 1];
            switch (r % 13) {
                case 0 -> turn.set(next);
                case 1 -> turn.lazySet(next);
                case 2 -> turn.setRelease(next);
                case 3 -> check(turn.getAndSet(next) == mine);
                case 4 -> check(turn.compareAndSet(mine, next));
                case 5 -> check(turn.compareAndExchange(mine, next) == mine);
                case 6 -> check(turn.compareAndExchangeRelease(mine, next) == mine);
                case 7 -> { while (!turn.weakCompareAndSetRelease(mine, next)) Thread.onSpinWait(); }
                case 8 -> { while (!turn.weakCompareAndSetVolatile(mine, next)) Thread.onSpinWait(); }
                case 9 -> turn.getAndUpdate(v -> next);
                case 10 -> turn.updateAndGet(v -> next);
                case 11 -> turn.getAndAccumulate(next, (v, x) -> x);
                default -> turn.accumulateAndGet(next, (v, x) -> x);
            }
        }
    }

    private int slotA;
    private long slotB;

    /** Two workers fill a slot each and count down; main waits for zero, then reads both slots. */
    int countDown() throws InterruptedException {
        AtomicInteger remaining = new AtomicInteger(2);
        AtomicLong remainingLong = new AtomicLong(2);
        Thread a = new Thread(() -> {
            slotA = 5;
            remaining.getAndDecrement();
            remainingLong.decrementAndGet();
        }, "countdown-a");
        Thread b = new Thread(() -> {
            slotB = 7;
            remaining.decrementAndGet();
            remainingLong.getAndDecrement();
        }, "countdown-b");
        a.start();
        b.start();
        while (remaining.getOpaque() != 0) Thread.onSpinWait();
        check(remaining.get() == 0);
        int sum = slotA + (int) slotB;
        slotA = 0; // ordered after worker a's write by the count-down
        while (remainingLong.getOpaque() != 0) Thread.onSpinWait();
        check(remainingLong.get() == 0);
        slotB = 0;
        a.join();
        b.join();
        return sum;
    }

    private static void check(boolean ok) {
        if (!ok) throw new AssertionError("unexpected atomic value");
    }

    public static void main(String[] args) throws InterruptedException {
        int ints = new IntTurns().play("int", ROUNDS);
        int longs = new LongTurns().play("long", ROUNDS);
        int booleans = new BooleanTurns().play("boolean", ROUNDS);
        int references = new ReferenceTurns().play("reference", ROUNDS);
        int countDown = new AtomicScalarTurns().countDown();
        System.out.println("int=" + ints + " long=" + longs + " boolean=" + booleans + " reference=" + references
                + " countdown=" + countDown);
    }
}
