package programs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The broken twin of {@link AtomicVarHandleTurns}: data published through opaque and plain-CAS
 * modes (which order nothing), released on one array element and acquired on another, and
 * plain get/set through handles racing with each other and with direct accesses of a static
 * field. The consumer sees each publication (opaquely) before reading, so every write comes first.
 */
public final class AtomicVarHandleWeak {
    int flag;
    int casFlag;
    int plainField;
    static int staticField;
    static final int[] ELEMENTS = new int[2];

    static int opaqueData;
    static int casData;
    static int elementData;

    static final VarHandle FLAG;
    static final VarHandle CAS_FLAG;
    static final VarHandle PLAIN_FIELD;
    static final VarHandle STATIC_FIELD;
    static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(int[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            FLAG = lookup.findVarHandle(AtomicVarHandleWeak.class, "flag", int.class);
            CAS_FLAG = lookup.findVarHandle(AtomicVarHandleWeak.class, "casFlag", int.class);
            PLAIN_FIELD = lookup.findVarHandle(AtomicVarHandleWeak.class, "plainField", int.class);
            STATIC_FIELD = lookup.findStaticVarHandle(AtomicVarHandleWeak.class, "staticField", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    void publish() {
        PLAIN_FIELD.set(this, 1); // race:plain-set
        STATIC_FIELD.set(2); // race:static-set
        opaqueData = 1; // race:opaque-write
        FLAG.setOpaque(this, 1);
        casData = 2; // race:cas-write
        while (!CAS_FLAG.weakCompareAndSetPlain(this, 0, 1)) Thread.onSpinWait();
        elementData = 3; // race:element-write
        ELEMENT.setRelease(ELEMENTS, 0, 1);
    }

    int consume() {
        while ((int) FLAG.getOpaque(this) == 0) Thread.onSpinWait();
        int sum = opaqueData; // race:opaque-read
        sum += (int) PLAIN_FIELD.get(this); // race:plain-get
        sum += staticField; // race:static-read
        while ((int) CAS_FLAG.getVolatile(this) == 0) Thread.onSpinWait(); // nothing was released on it
        sum += casData; // race:cas-read
        while ((int) ELEMENT.getOpaque(ELEMENTS, 0) == 0) Thread.onSpinWait();
        sum += (int) ELEMENT.getAcquire(ELEMENTS, 1);
        sum += elementData; // race:element-read
        return sum;
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicVarHandleWeak p = new AtomicVarHandleWeak();
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
