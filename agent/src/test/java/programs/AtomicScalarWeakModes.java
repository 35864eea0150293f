package programs;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The broken twin of {@link AtomicScalarTurns}: plain data handed over through atomics used in
 * modes that order nothing (opaque, plain, plain CAS, the deprecated weakCompareAndSet, which is
 * plain), so every hand-over races; and getPlain/setPlain, which race with each other. The
 * consumer reads each datum only after it saw the publication, so every write comes first.
 */
public final class AtomicScalarWeakModes {
    static final AtomicInteger INT_FLAG = new AtomicInteger();
    static final AtomicLong LONG_FLAG = new AtomicLong();
    static final AtomicBoolean BOOLEAN_FLAG = new AtomicBoolean();
    static final AtomicReference<String> REFERENCE_FLAG = new AtomicReference<>();
    static final AtomicInteger PLAIN = new AtomicInteger();

    static int intData;
    static int longData;
    static int booleanData;
    static int referenceData;

    @SuppressWarnings("deprecation")
    static void publish() {
        PLAIN.setPlain(1); // race:plain-set
        intData = 1; // race:int-write
        INT_FLAG.setOpaque(1);
        longData = 2; // race:long-write
        LONG_FLAG.set(1);
        booleanData = 3; // race:boolean-write
        while (!BOOLEAN_FLAG.weakCompareAndSetPlain(false, true)) Thread.onSpinWait();
        referenceData = 4; // race:reference-write
        while (!REFERENCE_FLAG.weakCompareAndSet(null, "published")) Thread.onSpinWait();
    }

    static int consume() {
        while (INT_FLAG.get() == 0) Thread.onSpinWait(); // acquires, but nothing was released
        int sum = intData; // race:int-read
        sum += PLAIN.getPlain(); // race:plain-get
        while (LONG_FLAG.getPlain() == 0) Thread.onSpinWait(); // released, but a plain read acquires nothing
        sum += longData; // race:long-read
        while (!BOOLEAN_FLAG.get()) Thread.onSpinWait();
        sum += booleanData; // race:boolean-read
        while (REFERENCE_FLAG.get() == null) Thread.onSpinWait();
        sum += referenceData; // race:reference-read
        return sum;
    }

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[1];
        Thread consumer = new Thread(() -> seen[0] = consume(), "consumer");
        Thread publisher = new Thread(AtomicScalarWeakModes::publish, "publisher");
        consumer.start(); // start:consumer
        publisher.start(); // start:publisher
        consumer.join();
        publisher.join();
        System.out.println("sum=" + seen[0]);
    }
}
