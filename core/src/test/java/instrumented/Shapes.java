package instrumented;

import java.util.function.IntSupplier;

/**
 * Code shapes the instrumenter must keep valid: every field and array kind, wide values,
 * synchronized methods left by exceptions, constructors that store before super(), inner
 * classes, lambdas, static initialisers, wait and join. Loaded instrumented by the tests.
 */
public class Shapes {
    static int staticCounter;
    static volatile long staticVolatile;
    static final int[] TABLE = new int[4];
    static {
        for (int i = 0; i < TABLE.length; i++) TABLE[i] = i * i;   // inside <clinit>: not recorded
        staticCounter = 1;
    }

    int plain;
    long wide;
    double dbl;
    volatile long volatileWide;
    volatile int volatileInt;
    final int fin;

    public Shapes(int fin) {
        this.fin = fin;
    }

    class Inner {          // stores this$0 before calling super()
        int value() {
            return plain + 1;
        }
    }

    public synchronized int syncMethod(boolean fail) {
        plain++;
        if (fail) throw new IllegalStateException("boom");
        return plain;
    }

    public static synchronized long staticSync(long x) {
        staticVolatile = x;
        return staticVolatile + staticCounter;
    }

    public long arrays() {
        long[] longs = new long[3];
        double[] doubles = new double[3];
        byte[] bytes = new byte[3];
        Object[] objects = new Object[3];
        longs[1] = 5L;
        doubles[2] = 2.5;
        bytes[0] = 7;
        objects[1] = "x";
        return longs[1] + (long) doubles[2] + bytes[0] + (objects[1] != null ? 1 : 0) + TABLE[3];
    }

    public long wideFields() {
        wide = 40L;
        dbl = 1.5;
        volatileWide = 2L;
        volatileInt = 3;
        return wide + (long) dbl + volatileWide + volatileInt + fin;
    }

    public int innerAndLambda() {
        IntSupplier s = () -> new Inner().value();
        return s.getAsInt();
    }

    public int block() {
        Object lock = new Object();
        synchronized (lock) {
            plain += 2;
        }
        return plain;
    }

    public int waitAndJoin() throws InterruptedException {
        Object lock = new Object();
        synchronized (lock) {
            lock.wait(1);
        }
        Thread t = new Thread(() -> staticCounter++);
        t.start();
        t.join();
        return staticCounter;
    }

    public static String run() throws Exception {
        Shapes s = new Shapes(9);
        StringBuilder out = new StringBuilder();
        out.append(s.syncMethod(false)).append(',');
        try {
            s.syncMethod(true);
        } catch (IllegalStateException expected) {
            out.append("caught,");
        }
        out.append(staticSync(4)).append(',');
        out.append(s.arrays()).append(',');
        out.append(s.wideFields()).append(',');
        out.append(s.innerAndLambda()).append(',');
        out.append(s.block()).append(',');
        out.append(s.waitAndJoin());
        return out.toString();
    }
}
