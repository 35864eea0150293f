package programs;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The broken twin of {@link AtomicArrayTurns}: each hand-over releases on one element and
 * acquires on another (elements are separate variables, so nothing is ordered); and
 * getPlain/setPlain of one element race with each other. The consumer reads each datum only
 * after it saw the publication (opaquely), so every write comes first.
 */
public final class AtomicArrayWrongElement {
    static final AtomicIntegerArray INTS = new AtomicIntegerArray(4);
    static final AtomicLongArray LONGS = new AtomicLongArray(2);
    static final AtomicReferenceArray<String> REFERENCES = new AtomicReferenceArray<>(3);

    static int intData;
    static int longData;
    static int referenceData;

    static void publish() {
        INTS.setPlain(3, 9); // race:plain-set
        intData = 1; // race:int-write
        INTS.set(0, 1);
        longData = 2; // race:long-write
        LONGS.lazySet(1, 1);
        referenceData = 3; // race:reference-write
        REFERENCES.compareAndSet(2, null, "published");
    }

    static int consume() {
        while (INTS.getOpaque(0) == 0) Thread.onSpinWait();
        int sum = INTS.get(1); // element 1 was never released
        sum += intData; // race:int-read
        sum += INTS.getPlain(3); // race:plain-get
        while (LONGS.getOpaque(1) == 0) Thread.onSpinWait();
        sum += (int) LONGS.getAcquire(0);
        sum += longData; // race:long-read
        while (REFERENCES.getOpaque(2) == null) Thread.onSpinWait();
        REFERENCES.compareAndSet(0, null, null);
        sum += referenceData; // race:reference-read
        return sum;
    }

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[1];
        Thread consumer = new Thread(() -> seen[0] = consume(), "consumer");
        Thread publisher = new Thread(AtomicArrayWrongElement::publish, "publisher");
        consumer.start(); // start:consumer
        publisher.start(); // start:publisher
        consumer.join();
        publisher.join();
        System.out.println("sum=" + seen[0]);
    }
}
