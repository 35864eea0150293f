package programs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * Turns handed over through volatile fields driven by Atomic*FieldUpdaters, every releasing and
 * acquiring updater method in turn, mixed with plain reads and writes of the same volatile
 * fields (an updater write pairs with a direct read and the other way round); then a count-down
 * through the decrementing methods. All correctly synchronised, no race.
 */
public final class AtomicUpdaterTurns {

    static final int ROUNDS = 60;

    static final class Node {
        volatile int count;
        volatile long total;
        volatile String name;
    }

    // Made in the static initialiser, as updaters usually are.
    static final AtomicIntegerFieldUpdater<Node> COUNT = AtomicIntegerFieldUpdater.newUpdater(Node.class, "count");
    static final AtomicLongFieldUpdater<Node> TOTAL = AtomicLongFieldUpdater.newUpdater(Node.class, "total");
    static final AtomicReferenceFieldUpdater<Node, String> NAME =
            AtomicReferenceFieldUpdater.newUpdater(Node.class, String.class, "name");
    // Opaque reads, to wait without an edge.
    static final VarHandle COUNT_OPAQUE;
    static final VarHandle TOTAL_OPAQUE;
    static final VarHandle NAME_OPAQUE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNT_OPAQUE = lookup.findVarHandle(Node.class, "count", int.class);
            TOTAL_OPAQUE = lookup.findVarHandle(Node.class, "total", long.class);
            NAME_OPAQUE = lookup.findVarHandle(Node.class, "name", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final class IntTurns extends AtomicTurns {
        final Node node = new Node();

        @Override
        protected void await(int r) {
            while ((int) COUNT_OPAQUE.getOpaque(node) != r) Thread.onSpinWait();
            switch (r % 10) {
                case 0 -> check(COUNT.get(node) == r);
                case 1 -> check(node.count == r);
                case 2 -> check(COUNT.compareAndSet(node, r, r));
                case 3 -> check(COUNT.getAndAdd(node, 0) == r);
                case 4 -> check(COUNT.addAndGet(node, 0) == r);
                case 5 -> check(COUNT.getAndUpdate(node, v -> v) == r);
                case 6 -> check(COUNT.updateAndGet(node, v -> v) == r);
                case 7 -> check(COUNT.getAndAccumulate(node, 0, Integer::sum) == r);
                case 8 -> check(COUNT.accumulateAndGet(node, 0, Integer::sum) == r);
                default -> check(COUNT.getAndSet(node, r) == r);
            }
        }

        @Override
        protected void pass(int r) {
            switch (r % 13) {
                case 0 -> COUNT.set(node, r + 1);
                case 1 -> COUNT.lazySet(node, r + 1);
                case 2 -> node.count = r + 1;
                case 3 -> COUNT.getAndSet(node, r + 1);
                case 4 -> check(COUNT.compareAndSet(node, r, r + 1));
                case 5 -> COUNT.getAndIncrement(node);
                case 6 -> COUNT.incrementAndGet(node);
                case 7 -> COUNT.getAndAdd(node, 1);
                case 8 -> COUNT.addAndGet(node, 1);
                case 9 -> COUNT.getAndUpdate(node, v -> v + 1);
                case 10 -> COUNT.updateAndGet(node, v -> v + 1);
                case 11 -> COUNT.getAndAccumulate(node, 1, Integer::sum);
                default -> COUNT.accumulateAndGet(node, 1, Integer::sum);
            }
        }
    }

    static final class LongTurns extends AtomicTurns {
        final Node node = new Node();

        @Override
        protected void await(int r) {
            while ((long) TOTAL_OPAQUE.getOpaque(node) != r) Thread.onSpinWait();
            switch (r % 10) {
                case 0 -> check(TOTAL.get(node) == r);
                case 1 -> check(node.total == r);
                case 2 -> check(TOTAL.compareAndSet(node, r, r));
                case 3 -> check(TOTAL.getAndAdd(node, 0) == r);
                case 4 -> check(TOTAL.addAndGet(node, 0) == r);
                case 5 -> check(TOTAL.getAndUpdate(node, v -> v) == r);
                case 6 -> check(TOTAL.updateAndGet(node, v -> v) == r);
                case 7 -> check(TOTAL.getAndAccumulate(node, 0, Long::sum) == r);
                case 8 -> check(TOTAL.accumulateAndGet(node, 0, Long::sum) == r);
                default -> check(TOTAL.getAndSet(node, r) == r);
            }
        }

        @Override
        protected void pass(int r) {
            switch (r % 13) {
                case 0 -> TOTAL.set(node, r + 1);
                case 1 -> TOTAL.lazySet(node, r + 1);
                case 2 -> node.total = r + 1;
                case 3 -> TOTAL.getAndSet(node, r + 1);
                case 4 -> check(TOTAL.compareAndSet(node, r, r + 1));
                case 5 -> TOTAL.getAndIncrement(node);
                case 6 -> TOTAL.incrementAndGet(node);
                case 7 -> TOTAL.getAndAdd(node, 1);
                case 8 -> TOTAL.addAndGet(node, 1);
                case 9 -> TOTAL.getAndUpdate(node, v -> v + 1);
                case 10 -> TOTAL.updateAndGet(node, v -> v + 1);
                case 11 -> TOTAL.getAndAccumulate(node, 1, Long::sum);
                default -> TOTAL.accumulateAndGet(node, 1, Long::sum);
            }
        }
    }

    static final class ReferenceTurns extends AtomicTurns {
        final String[] tokens = new String[ROUNDS + 1];
        final Node node = new Node();

        ReferenceTurns() {
            for (int i = 0; i < tokens.length; i++) tokens[i] = "round-" + i;
            node.name = tokens[0];
        }

        @Override
        protected void await(int r) {
            String mine = tokens[r];
            while (NAME_OPAQUE.getOpaque(node) != mine) Thread.onSpinWait();
            switch (r % 6) {
                case 0 -> check(NAME.get(node) == mine);
                case 1 -> check(node.name == mine);
                case 2 -> check(NAME.compareAndSet(node, mine, mine));
                case 3 -> check(NAME.getAndUpdate(node, v -> v) == mine);
                case 4 -> check(NAME.accumulateAndGet(node, null, (v, x) -> v) == mine);
                default -> check(NAME.getAndSet(node, mine) == mine);
            }
        }

        @Override
        protected void pass(int r) {
            String next = tokens[r + 1];
            switch (r % 9) {
                case 0 -> NAME.set(node, next);
                case 1 -> NAME.lazySet(node, next);
                case 2 -> node.name = next;
                case 3 -> NAME.getAndSet(node, next);
                case 4 -> check(NAME.compareAndSet(node, tokens[r], next));
                case 5 -> NAME.getAndUpdate(node, v -> next);
                case 6 -> NAME.updateAndGet(node, v -> next);
                case 7 -> NAME.getAndAccumulate(node, next, (v, x) -> x);
                default -> NAME.accumulateAndGet(node, next, (v, x) -> x);
            }
        }
    }

    private int slotA;
    private int slotB;

    /** Two workers fill a slot each and count a node's fields down; main waits for zero, then reads. */
    int countDown() throws InterruptedException {
        Node node = new Node();
        node.count = 1;
        node.total = 1;
        Thread a = new Thread(() -> {
            slotA = 5;
            COUNT.getAndDecrement(node);
        }, "countdown-a");
        Thread b = new Thread(() -> {
            slotB = 7;
            TOTAL.decrementAndGet(node);
        }, "countdown-b");
        a.start();
        b.start();
        while (node.count != 0) Thread.onSpinWait();
        int sum = slotA;
        while (TOTAL.get(node) != 0) Thread.onSpinWait();
        sum += slotB;
        a.join();
        b.join();
        return sum;
    }

    private static void check(boolean ok) {
        if (!ok) throw new AssertionError("unexpected field value");
    }

    public static void main(String[] args) throws InterruptedException {
        int ints = new IntTurns().play("int-updater", ROUNDS);
        int longs = new LongTurns().play("long-updater", ROUNDS);
        int references = new ReferenceTurns().play("reference-updater", ROUNDS);
        int countDown = new AtomicUpdaterTurns().countDown();
        System.out.println("int=" + ints + " long=" + longs + " reference=" + references + " countdown=" + countDown);
    }
}
