package programs;

import java.lang.reflect.Array;
import java.lang.reflect.Field;

/**
 * Turns handed over through volatile fields read and written by reflection (an instance field
 * and a static one, each mixed with direct accesses), while the turn's data is read and
 * written by reflection too: plain fields through Field.get/set, an array element through
 * reflect.Array, a final field read reflectively. All correctly synchronised, no race.
 */
public final class AccessReflectionTurns {

    static final int ROUNDS = 40;

    volatile int turn;
    static volatile int staticTurn;
    int data;
    static long staticData;
    final int[] cells = new int[2];
    final int constant = 7;

    static final Field TURN;
    static final Field STATIC_TURN;
    static final Field DATA;
    static final Field STATIC_DATA;
    static final Field CONSTANT;

    static {
        try {
            TURN = AccessReflectionTurns.class.getDeclaredField("turn");
            STATIC_TURN = AccessReflectionTurns.class.getDeclaredField("staticTurn");
            DATA = AccessReflectionTurns.class.getDeclaredField("data");
            STATIC_DATA = AccessReflectionTurns.class.getDeclaredField("staticData");
            CONSTANT = AccessReflectionTurns.class.getDeclaredField("constant");
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The instance field's turns. */
    final class InstanceTurns extends AtomicTurns {
        @Override
        protected void await(int r) {
            try {
                switch (r % 3) {
                    case 0 -> { while (TURN.getInt(AccessReflectionTurns.this) != r) Thread.onSpinWait(); }
                    case 1 -> { while (!Integer.valueOf(r).equals(TURN.get(AccessReflectionTurns.this))) Thread.onSpinWait(); }
                    default -> { while (turn != r) Thread.onSpinWait(); }
                }
                DATA.setInt(AccessReflectionTurns.this, DATA.getInt(AccessReflectionTurns.this) + CONSTANT.getInt(
                        AccessReflectionTurns.this));
                Array.setInt(cells, r % 2, Array.getInt(cells, r % 2) + 1);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected void pass(int r) {
            try {
                switch (r % 3) {
                    case 0 -> TURN.setInt(AccessReflectionTurns.this, r + 1);
                    case 1 -> TURN.set(AccessReflectionTurns.this, r + 1);
                    default -> turn = r + 1;
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The static field's turns. */
    static final class StaticTurns extends AtomicTurns {
        @Override
        protected void await(int r) {
            try {
                if (r % 2 == 0) {
                    while (STATIC_TURN.getInt(null) != r) Thread.onSpinWait();
                } else {
                    while (staticTurn != r) Thread.onSpinWait();
                }
                STATIC_DATA.setLong(null, STATIC_DATA.getLong(null) + r);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected void pass(int r) {
            try {
                if (r % 3 == 0) staticTurn = r + 1;
                else STATIC_TURN.setInt(null, r + 1);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        AccessReflectionTurns p = new AccessReflectionTurns();
        int instance = p.new InstanceTurns().play("reflective", ROUNDS);
        int statics = new StaticTurns().play("reflective-static", ROUNDS);
        System.out.println("instance=" + instance + " data=" + p.data + " cells=" + p.cells[0] + "," + p.cells[1]
                + " static=" + statics + " staticData=" + staticData);
    }
}
