package programs;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * The broken twin of {@link AtomicUnsafeTurns}: plain Unsafe puts and gets of a field race with
 * each other, and data published with a plain put is not ordered by the consumer's volatile
 * get, nor is data published on one array element by an acquire of another element.
 */
public final class AtomicUnsafeWeak {
    static final Unsafe UNSAFE;
    static final long FLAG;
    static final long PLAIN;
    static final long INT_BASE;
    static final long INT_SCALE;

    volatile int flag;
    int plain;
    final int[] elements = new int[2];
    static int flagData;
    static int elementData;

    static {
        try {
            Field theUnsafe = Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            UNSAFE = (Unsafe) theUnsafe.get(null);
            FLAG = UNSAFE.objectFieldOffset(AtomicUnsafeWeak.class.getDeclaredField("flag"));
            PLAIN = UNSAFE.objectFieldOffset(AtomicUnsafeWeak.class.getDeclaredField("plain"));
            INT_BASE = UNSAFE.arrayBaseOffset(int[].class);
            INT_SCALE = UNSAFE.arrayIndexScale(int[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    void publish() {
        UNSAFE.putInt(this, PLAIN, 1); // race:plain-put
        flagData = 1; // race:flag-write
        UNSAFE.putInt(this, FLAG, 1); // a plain put, though the field is volatile
        elementData = 2; // race:element-write
        UNSAFE.putIntVolatile(elements, INT_BASE, 1);
    }

    int consume() {
        while (UNSAFE.getIntVolatile(this, FLAG) == 0) Thread.onSpinWait();
        int sum = flagData; // race:flag-read
        sum += UNSAFE.getInt(this, PLAIN); // race:plain-get
        while (UNSAFE.getInt(elements, INT_BASE) == 0) Thread.onSpinWait();
        sum += UNSAFE.getIntVolatile(elements, INT_BASE + INT_SCALE);
        sum += elementData; // race:element-read
        return sum;
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicUnsafeWeak p = new AtomicUnsafeWeak();
        int[] seen = new int[1];
        Thread consumer = new Thread(() -> seen[0] = p.consume(), "consumer");
        Thread publisher = new Thread(p::publish, "publisher");
        consumer.start(); // start:consumer
        publisher.start(); // start:publisher
        consumer.join();
        publisher.join();
        System.out.println("sum=" + seen[0]);
    }
}
