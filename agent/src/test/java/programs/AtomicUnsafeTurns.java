package programs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Turns handed over through sun.misc.Unsafe on an instance field (offset from
 * objectFieldOffset), a static volatile field (staticFieldBase / staticFieldOffset) mixed with
 * direct accesses, array elements (arrayBaseOffset / arrayIndexScale) and fences around
 * opaque accesses; every releasing and acquiring method in turn. Waits spin on plain Unsafe
 * reads, which order nothing. All correctly synchronised, no race.
 */
public final class AtomicUnsafeTurns {

    static final int ROUNDS = 48;
    static final Unsafe UNSAFE;
    static final long TURN;
    static final long LONG_TURN;
    static final long REF_TURN;
    static final Object STATIC_BASE;
    static final long STATIC_TURN;
    static final long INT_BASE;
    static final long INT_SCALE;

    static volatile int staticTurn;

    static {
        try {
            Field theUnsafe = Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            UNSAFE = (Unsafe) theUnsafe.get(null);
            TURN = UNSAFE.objectFieldOffset(FieldTurns.class.getDeclaredField("turn"));
            LONG_TURN = UNSAFE.objectFieldOffset(FieldTurns.class.getDeclaredField("longTurn"));
            REF_TURN = UNSAFE.objectFieldOffset(FieldTurns.class.getDeclaredField("refTurn"));
            Field staticField = AtomicUnsafeTurns.class.getDeclaredField("staticTurn");
            STATIC_BASE = UNSAFE.staticFieldBase(staticField);
            STATIC_TURN = UNSAFE.staticFieldOffset(staticField);
            INT_BASE = UNSAFE.arrayBaseOffset(int[].class);
            INT_SCALE = UNSAFE.arrayIndexScale(int[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Three fields of one object carry the turn in turn: int for r % 3 == 0, long for 1, reference for 2. */
    static final class FieldTurns extends AtomicTurns {
        volatile int turn;
        volatile long longTurn;
        volatile String refTurn;
        final String[] tokens = new String[ROUNDS + 1];

        FieldTurns() {
            for (int i = 0; i < tokens.length; i++) tokens[i] = "round-" + i;
        }

        @Override
        protected void await(int r) {
            if (r == 0) return; // the first round's turn is given
            switch (r % 3) {
                case 0 -> {
                    while (UNSAFE.getInt(this, TURN) != r) Thread.onSpinWait(); // plain: orders nothing
                    if (r % 2 == 0) check(UNSAFE.getIntVolatile(this, TURN) == r);
                    else check(UNSAFE.compareAndSwapInt(this, TURN, r, r));
                }
                case 1 -> {
                    while (UNSAFE.getLong(this, LONG_TURN) != r) Thread.onSpinWait();
                    if (r % 2 == 0) check(UNSAFE.getLongVolatile(this, LONG_TURN) == r);
                    else check(UNSAFE.getAndAddLong(this, LONG_TURN, 0) == r);
                }
                default -> {
                    while (UNSAFE.getObject(this, REF_TURN) != tokens[r]) Thread.onSpinWait();
                    if (r % 2 == 0) check(UNSAFE.getObjectVolatile(this, REF_TURN) == tokens[r]);
                    else check(refTurn == tokens[r]);
                }
            }
        }

        @Override
        protected void pass(int r) {
            int next = r + 1;
            switch (next % 3) {
                case 0 -> {
                    switch (r % 4) {
                        case 0 -> UNSAFE.putIntVolatile(this, TURN, next);
                        case 1 -> UNSAFE.putOrderedInt(this, TURN, next);
                        case 2 -> UNSAFE.getAndSetInt(this, TURN, next);
                        default -> UNSAFE.getAndAddInt(this, TURN, next - turnNow());
                    }
                }
                case 1 -> {
                    switch (r % 4) {
                        case 0 -> UNSAFE.putLongVolatile(this, LONG_TURN, next);
                        case 1 -> UNSAFE.putOrderedLong(this, LONG_TURN, next);
                        case 2 -> UNSAFE.getAndSetLong(this, LONG_TURN, next);
                        default -> check(UNSAFE.compareAndSwapLong(this, LONG_TURN, longTurnNow(), next));
                    }
                }
                default -> {
                    switch (r % 4) {
                        case 0 -> UNSAFE.putObjectVolatile(this, REF_TURN, tokens[next]);
                        case 1 -> UNSAFE.putOrderedObject(this, REF_TURN, tokens[next]);
                        case 2 -> UNSAFE.getAndSetObject(this, REF_TURN, tokens[next]);
                        default -> check(UNSAFE.compareAndSwapObject(this, REF_TURN, UNSAFE.getObject(this, REF_TURN),
                                tokens[next]));
                    }
                }
            }
        }

        // The value of a field that does not carry the turn now: nobody changes it meanwhile.
        private int turnNow() {
            return UNSAFE.getInt(this, TURN);
        }

        private long longTurnNow() {
            return UNSAFE.getLong(this, LONG_TURN);
        }
    }

    /** A static volatile field through Unsafe, mixed with direct reads and writes. */
    static final class StaticTurns extends AtomicTurns {
        @Override
        protected void await(int r) {
            while (UNSAFE.getInt(STATIC_BASE, STATIC_TURN) != r) Thread.onSpinWait();
            if (r % 3 == 0) check(staticTurn == r);
            else check(UNSAFE.getIntVolatile(STATIC_BASE, STATIC_TURN) == r);
        }

        @Override
        protected void pass(int r) {
            if (r % 4 == 0) staticTurn = r + 1;
            else if (r % 4 == 1) UNSAFE.putIntVolatile(STATIC_BASE, STATIC_TURN, r + 1);
            else UNSAFE.getAndAddInt(STATIC_BASE, STATIC_TURN, 1);
        }
    }

    /** Element r % 2 of an int array carries round r's turn. */
    static final class ElementTurns extends AtomicTurns {
        final int[] turns = {0, -1};

        @Override
        protected void await(int r) {
            long offset = INT_BASE + (r % 2) * INT_SCALE;
            while (UNSAFE.getInt(turns, offset) != r) Thread.onSpinWait();
            check(UNSAFE.getIntVolatile(turns, offset) == r);
        }

        @Override
        protected void pass(int r) {
            long offset = INT_BASE + ((r + 1) % 2) * INT_SCALE;
            if (r % 2 == 0) UNSAFE.putIntVolatile(turns, offset, r + 1);
            else check(UNSAFE.compareAndSwapInt(turns, offset, r - 1, r + 1));
        }
    }

    /** Opaque accesses ordered by Unsafe's fences. */
    static final class FenceTurns extends AtomicTurns {
        int turn;

        @Override
        protected void await(int r) {
            while ((int) FENCED.getOpaque(this) != r) Thread.onSpinWait();
            if (r % 2 == 0) UNSAFE.loadFence();
            else UNSAFE.fullFence();
        }

        @Override
        protected void pass(int r) {
            if (r % 2 == 0) UNSAFE.storeFence();
            else UNSAFE.fullFence();
            FENCED.setOpaque(this, r + 1);
        }
    }

    static final VarHandle FENCED;

    static {
        try {
            FENCED = MethodHandles.lookup().findVarHandle(FenceTurns.class, "turn", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void check(boolean ok) {
        if (!ok) throw new AssertionError("unexpected variable value");
    }

    public static void main(String[] args) throws InterruptedException {
        int fields = new FieldTurns().play("unsafe-field", ROUNDS);
        int statics = new StaticTurns().play("unsafe-static", ROUNDS);
        int elements = new ElementTurns().play("unsafe-element", ROUNDS);
        int fenced = new FenceTurns().play("unsafe-fence", ROUNDS);
        System.out.println("field=" + fields + " static=" + statics + " element=" + elements + " fence=" + fenced);
    }
}
