package programs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * The broken twin of {@link AtomicUpdaterTurns}: data published with an updater's
 * weakCompareAndSet (no ordering), then released on one field and acquired on another field of
 * the same object, then released on one object's field and acquired on another object's. Each
 * location is (object, field): nothing is ordered, every hand-over races. The consumer sees
 * each publication (opaquely) before reading, so every write comes first.
 */
public final class AtomicUpdaterWrongField {

    static final class Node {
        volatile int count;
        volatile long total;
        volatile long other;
        volatile String name;
    }

    static final AtomicIntegerFieldUpdater<Node> COUNT = AtomicIntegerFieldUpdater.newUpdater(Node.class, "count");
    static final AtomicLongFieldUpdater<Node> TOTAL = AtomicLongFieldUpdater.newUpdater(Node.class, "total");
    static final AtomicReferenceFieldUpdater<Node, String> NAME =
            AtomicReferenceFieldUpdater.newUpdater(Node.class, String.class, "name");
    static final VarHandle TOTAL_OPAQUE;
    static final VarHandle NAME_OPAQUE;

    static {
        try {
            TOTAL_OPAQUE = MethodHandles.lookup().findVarHandle(Node.class, "total", long.class);
            NAME_OPAQUE = MethodHandles.lookup().findVarHandle(Node.class, "name", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final Node NODE = new Node();
    static final Node OTHER_NODE = new Node();
    static int weakData;
    static int fieldData;
    static int objectData;

    static void publish() {
        weakData = 1; // race:weak-write
        while (!COUNT.weakCompareAndSet(NODE, 0, 1)) Thread.onSpinWait();
        fieldData = 2; // race:field-write
        TOTAL.set(NODE, 1);
        objectData = 3; // race:object-write
        NAME.set(NODE, "published");
    }

    static int consume() {
        while (NODE.count == 0) Thread.onSpinWait(); // acquires count, which nothing released
        int sum = weakData; // race:weak-read
        while ((long) TOTAL_OPAQUE.getOpaque(NODE) == 0) Thread.onSpinWait();
        sum += (int) NODE.other; // acquires another field of the node
        sum += fieldData; // race:field-read
        while (NAME_OPAQUE.getOpaque(NODE) == null) Thread.onSpinWait();
        sum += NAME.get(OTHER_NODE) == null ? 0 : 1; // acquires the field of another node
        sum += objectData; // race:object-read
        return sum;
    }

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[1];
        Thread consumer = new Thread(() -> seen[0] = consume(), "consumer");
        Thread publisher = new Thread(AtomicUpdaterWrongField::publish, "publisher");
        consumer.start(); // start:consumer
        publisher.start(); // start:publisher
        consumer.join();
        publisher.join();
        System.out.println("sum=" + seen[0]);
    }
}
