package programs;

import java.util.concurrent.atomic.AtomicMarkableReference;
import java.util.concurrent.atomic.AtomicStampedReference;

/**
 * Turns handed over through AtomicMarkableReference and AtomicStampedReference, every
 * releasing and acquiring method in turn (get(holder) into a holder of the thread's own): all
 * correctly synchronised, no race.
 */
public final class AtomicPairTurns {

    static final int ROUNDS = 40;

    static String[] tokens() {
        String[] tokens = new String[ROUNDS + 1];
        for (int i = 0; i < tokens.length; i++) tokens[i] = "round-" + i;
        return tokens;
    }

    /** Round r's turn is (token r, mark r odd). */
    static final class MarkableTurns extends AtomicTurns {
        final String[] tokens = tokens();
        final AtomicMarkableReference<String> turn = new AtomicMarkableReference<>(tokens[0], false);

        @Override
        protected void await(int r) {
            String mine = tokens[r];
            boolean mark = r % 2 == 1;
            boolean[] holder = new boolean[1];
            switch (r % 5) {
                case 0 -> { while (turn.getReference() != mine) Thread.onSpinWait(); }
                case 1 -> { while (turn.get(holder) != mine) Thread.onSpinWait(); check(holder[0] == mark); }
                case 2 -> { while (!turn.compareAndSet(mine, mine, mark, mark)) Thread.onSpinWait(); }
                case 3 -> { while (!turn.attemptMark(mine, mark)) Thread.onSpinWait(); }
                default -> { while (turn.isMarked() != mark || turn.getReference() != mine) Thread.onSpinWait(); }
            }
        }

        @Override
        protected void pass(int r) {
            boolean mark = r % 2 == 1;
            if (r % 2 == 0) turn.set(tokens[r + 1], !mark);
            else check(turn.compareAndSet(tokens[r], tokens[r + 1], mark, !mark));
        }
    }

    /** Round r's turn is (token r, stamp r). */
    static final class StampedTurns extends AtomicTurns {
        final String[] tokens = tokens();
        final AtomicStampedReference<String> turn = new AtomicStampedReference<>(tokens[0], 0);

        @Override
        protected void await(int r) {
            String mine = tokens[r];
            int[] holder = new int[1];
            switch (r % 5) {
                case 0 -> { while (turn.getReference() != mine) Thread.onSpinWait(); }
                case 1 -> { while (turn.get(holder) != mine) Thread.onSpinWait(); check(holder[0] == r); }
                case 2 -> { while (!turn.compareAndSet(mine, mine, r, r)) Thread.onSpinWait(); }
                case 3 -> { while (!turn.attemptStamp(mine, r)) Thread.onSpinWait(); }
                default -> { while (turn.getStamp() != r) Thread.onSpinWait(); }
            }
        }

        @Override
        protected void pass(int r) {
            if (r % 2 == 0) turn.set(tokens[r + 1], r + 1);
            else check(turn.compareAndSet(tokens[r], tokens[r + 1], r, r + 1));
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int markable = new MarkableTurns().play("markable", ROUNDS);
        int stamped = new StampedTurns().play("stamped", ROUNDS);
        System.out.println("markable=" + markable + " stamped=" + stamped);
    }
}
