package programs;

import java.util.concurrent.atomic.AtomicMarkableReference;
import java.util.concurrent.atomic.AtomicStampedReference;

/**
 * The broken twin of {@link AtomicPairTurns}: data published with weakCompareAndSet, which gives
 * no ordering, so reading it after seeing the publication races; and two threads calling
 * get(holder) with one shared holder, whose element both calls write.
 */
public final class AtomicPairWeak {
    static final AtomicMarkableReference<String> MARKABLE = new AtomicMarkableReference<>(null, false);
    static final AtomicStampedReference<String> STAMPED = new AtomicStampedReference<>(null, 0);
    static final boolean[] SHARED_HOLDER = new boolean[1];

    static int markableData;
    static int stampedData;

    static void publish() {
        MARKABLE.get(SHARED_HOLDER); // race:holder-first
        markableData = 1; // race:markable-write
        while (!MARKABLE.weakCompareAndSet(null, "published", false, true)) Thread.onSpinWait();
        stampedData = 2; // race:stamped-write
        while (!STAMPED.weakCompareAndSet(null, "published", 0, 1)) Thread.onSpinWait();
    }

    static int consume() {
        while (MARKABLE.getReference() == null) Thread.onSpinWait();
        int sum = markableData; // race:markable-read
        MARKABLE.get(SHARED_HOLDER); // race:holder-second
        while (STAMPED.getStamp() == 0) Thread.onSpinWait();
        sum += stampedData; // race:stamped-read
        return sum;
    }

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[1];
        Thread consumer = new Thread(() -> seen[0] = consume(), "consumer");
        Thread publisher = new Thread(AtomicPairWeak::publish, "publisher");
        consumer.start(); // start:consumer
        publisher.start(); // start:publisher
        consumer.join();
        publisher.join();
        System.out.println("sum=" + seen[0] + " marked=" + SHARED_HOLDER[0]);
    }
}
