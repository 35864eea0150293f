package programs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Turns handed over through VarHandles, every releasing and acquiring access mode in turn: on an
 * instance field (through handles from findVarHandle, unreflectVarHandle and
 * withInvokeExactBehavior), on a volatile instance field and a static volatile field mixed with
 * direct reads and writes of them, on array elements, and through fences around opaque
 * accesses. Plain get/set of another field inside each turn are ordered by it. All correctly
 * synchronised, no race.
 */
public final class AtomicVarHandleTurns {

    static final int ROUNDS = 68;

    static final class FieldTurns extends AtomicTurns {
        int turn;        // accessed only through the handles
        int counted;     // plain, through TURN-like plain get/set

        @Override
        protected void await(int r) {
            while ((int) TURN.getOpaque(this) != r) Thread.onSpinWait();
            switch (r % 17) {
                case 0 -> check((int) TURN.getVolatile(this) == r);
                case 1 -> check((int) TURN.getAcquire(this) == r);
                case 2 -> check(TURN.compareAndSet(this, r, r));
                case 3 -> check((int) TURN.compareAndExchange(this, r, r) == r);
                case 4 -> check((int) TURN.compareAndExchangeAcquire(this, r, r) == r);
                case 5 -> { while (!TURN.weakCompareAndSet(this, r, r)) Thread.onSpinWait(); }
                case 6 -> { while (!TURN.weakCompareAndSetAcquire(this, r, r)) Thread.onSpinWait(); }
                case 7 -> check((int) TURN.getAndAdd(this, 0) == r);
                case 8 -> check((int) TURN.getAndAddAcquire(this, 0) == r);
                case 9 -> check((int) TURN.getAndSet(this, r) == r);
                case 10 -> check((int) TURN.getAndSetAcquire(this, r) == r);
                case 11 -> check((int) TURN.getAndBitwiseOr(this, 0) == r);
                case 12 -> check((int) TURN.getAndBitwiseOrAcquire(this, 0) == r);
                case 13 -> check((int) TURN.getAndBitwiseAnd(this, -1) == r);
                case 14 -> check((int) TURN.getAndBitwiseAndAcquire(this, -1) == r);
                case 15 -> check((int) REFLECTED.getAndBitwiseXorAcquire(this, 0) == r);
                default -> check((int) EXACT.getVolatile(this) == r);
            }
            COUNTED.set(this, (int) COUNTED.get(this) + 1);
        }

        @Override
        protected void pass(int r) {
            if (r % 2 == 0 && r % 4 == 0) {
                TURN.getAndBitwiseOr(this, 1); // r even: r | 1 == r + 1
                return;
            }
            if (r % 2 == 0 && r % 6 == 2) {
                TURN.getAndBitwiseOrRelease(this, 1);
                return;
            }
            switch (r % 13) {
                case 0 -> TURN.setVolatile(this, r + 1);
                case 1 -> TURN.setRelease(this, r + 1);
                case 2 -> check(TURN.compareAndSet(this, r, r + 1));
                case 3 -> check((int) TURN.compareAndExchange(this, r, r + 1) == r);
                case 4 -> check((int) TURN.compareAndExchangeRelease(this, r, r + 1) == r);
                case 5 -> { while (!TURN.weakCompareAndSet(this, r, r + 1)) Thread.onSpinWait(); }
                case 6 -> { while (!TURN.weakCompareAndSetRelease(this, r, r + 1)) Thread.onSpinWait(); }
                case 7 -> TURN.getAndSet(this, r + 1);
                case 8 -> TURN.getAndSetRelease(this, r + 1);
                case 9 -> TURN.getAndAdd(this, 1);
                case 10 -> TURN.getAndAddRelease(this, 1);
                case 11 -> TURN.getAndBitwiseXor(this, r ^ (r + 1));
                default -> REFLECTED.getAndBitwiseXorRelease(this, r ^ (r + 1));
            }
        }
    }

    /** A volatile field: read and written directly and through a handle, in turn. */
    static final class MixedTurns extends AtomicTurns {
        volatile int turn;

        @Override
        protected void await(int r) {
            while ((int) MIXED.getOpaque(this) != r) Thread.onSpinWait();
            if (r % 4 < 2) check(turn == r);
            else check((int) MIXED.getAcquire(this) == r);
        }

        @Override
        protected void pass(int r) {
            if (r % 3 == 0) MIXED.setRelease(this, r + 1);
            else if (r % 3 == 1) MIXED.getAndAdd(this, 1);
            else turn = r + 1;
        }
    }

    static volatile int staticTurn;

    /** A static volatile field: read and written directly and through a handle, in turn. */
    static final class StaticTurns extends AtomicTurns {
        @Override
        protected void await(int r) {
            while ((int) STATIC.getOpaque() != r) Thread.onSpinWait();
            switch (r % 5) {
                case 0 -> check(staticTurn == r);
                case 1 -> check((int) STATIC.getVolatile() == r);
                case 2 -> check((int) STATIC.getAcquire() == r);
                case 3 -> check(STATIC.compareAndSet(r, r));
                default -> check((int) STATIC.getAndAdd(0) == r);
            }
        }

        @Override
        protected void pass(int r) {
            switch (r % 4) {
                case 0 -> staticTurn = r + 1;
                case 1 -> STATIC.setVolatile(r + 1);
                case 2 -> STATIC.setRelease(r + 1);
                default -> STATIC.getAndAdd(1);
            }
        }
    }

    /** Element j of the array carries a turn; the one round r + 1 overwrites holds r - 2. */
    static final class ElementTurns extends AtomicTurns {
        final int[] turns = {0, -2, -1};

        @Override
        protected void await(int r) {
            int i = r % 3;
            while ((int) ELEMENT.getOpaque(turns, i) != r) Thread.onSpinWait();
            switch (r % 4) {
                case 0 -> check((int) ELEMENT.getVolatile(turns, i) == r);
                case 1 -> check((int) ELEMENT.getAcquire(turns, i) == r);
                case 2 -> check(ELEMENT.compareAndSet(turns, i, r, r));
                default -> check((int) ELEMENT.getAndAddAcquire(turns, i, 0) == r);
            }
        }

        @Override
        protected void pass(int r) {
            int j = (r + 1) % 3;
            switch (r % 5) {
                case 0 -> ELEMENT.setVolatile(turns, j, r + 1);
                case 1 -> ELEMENT.setRelease(turns, j, r + 1);
                case 2 -> check((int) ELEMENT.compareAndExchange(turns, j, r - 2, r + 1) == r - 2);
                case 3 -> ELEMENT.getAndAdd(turns, j, 3);
                default -> ELEMENT.getAndSetRelease(turns, j, r + 1);
            }
        }
    }

    /** Opaque accesses ordered by fences. */
    static final class FenceTurns extends AtomicTurns {
        int turn;

        @Override
        protected void await(int r) {
            while ((int) FENCED.getOpaque(this) != r) Thread.onSpinWait();
            switch (r % 3) {
                case 0 -> VarHandle.acquireFence();
                case 1 -> VarHandle.loadLoadFence();
                default -> VarHandle.fullFence();
            }
        }

        @Override
        protected void pass(int r) {
            switch (r % 3) {
                case 0 -> VarHandle.releaseFence();
                case 1 -> VarHandle.storeStoreFence();
                default -> VarHandle.fullFence();
            }
            FENCED.setOpaque(this, r + 1);
        }
    }

    // Handles made in the static initialiser, as they usually are.
    static final VarHandle TURN;
    static final VarHandle REFLECTED;
    static final VarHandle EXACT;
    static final VarHandle COUNTED;
    static final VarHandle MIXED;
    static final VarHandle STATIC;
    static final VarHandle ELEMENT;
    static final VarHandle FENCED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TURN = lookup.findVarHandle(FieldTurns.class, "turn", int.class);
            REFLECTED = lookup.unreflectVarHandle(FieldTurns.class.getDeclaredField("turn"));
            EXACT = TURN.withInvokeExactBehavior();
            COUNTED = lookup.findVarHandle(FieldTurns.class, "counted", int.class);
            MIXED = lookup.findVarHandle(MixedTurns.class, "turn", int.class);
            STATIC = lookup.findStaticVarHandle(AtomicVarHandleTurns.class, "staticTurn", int.class);
            ELEMENT = MethodHandles.arrayElementVarHandle(int[].class);
            FENCED = lookup.findVarHandle(FenceTurns.class, "turn", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void check(boolean ok) {
        if (!ok) throw new AssertionError("unexpected variable value");
    }

    public static void main(String[] args) throws InterruptedException {
        FieldTurns fields = new FieldTurns();
        int field = fields.play("field", ROUNDS);
        int mixed = new MixedTurns().play("mixed", ROUNDS);
        int statics = new StaticTurns().play("static", ROUNDS);
        int elements = new ElementTurns().play("element", ROUNDS);
        int fenced = new FenceTurns().play("fence", ROUNDS);
        System.out.println("field=" + field + " counted=" + fields.counted + " mixed=" + mixed + " static=" + statics
                + " element=" + elements + " fence=" + fenced);
    }
}
