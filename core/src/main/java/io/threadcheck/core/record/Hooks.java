package io.threadcheck.core.record;

/**
 * The static entry points that instrumented code calls. Each is tiny: it hands the event to
 * the installed {@link Recorder}, or returns at once when none is installed.
 *
 * <p>The instrumenter ({@code io.threadcheck.core.instrument}) emits calls to these exact
 * names and descriptors; keep the two in step. Hooks never throw into the program, except the
 * wrappers of {@code join} and {@code wait}, which throw exactly what the wrapped call throws.
 */
public final class Hooks {

    static volatile Recorder recorder;

    private Hooks() {}

    // A null target means the instruction is about to throw NullPointerException: record nothing.

    public static void read(Object target, int site) {
        Recorder r = recorder;
        if (r != null && target != null) r.access(target, -1, site, false);
    }

    public static void write(Object target, int site) {
        Recorder r = recorder;
        if (r != null && target != null) r.access(target, -1, site, true);
    }

    public static void readStatic(int site) {
        Recorder r = recorder;
        if (r != null) r.access(null, -1, site, false);
    }

    public static void writeStatic(int site) {
        Recorder r = recorder;
        if (r != null) r.access(null, -1, site, true);
    }

    public static void arrayRead(Object array, int index, int site) {
        Recorder r = recorder;
        if (r != null) r.access(array, index, site, false);
    }

    public static void arrayWrite(Object array, int index, int site) {
        Recorder r = recorder;
        if (r != null) r.access(array, index, site, true);
    }

    /** Called after the volatile read: the acquire must not precede the value it observes. */
    public static void volatileRead(Object target, int site) {
        Recorder r = recorder;
        if (r != null && target != null) r.sync(target, site, false);
    }

    /** Called before the volatile write, so a reader that sees the value sees the release. */
    public static void volatileWrite(Object target, int site) {
        Recorder r = recorder;
        if (r != null && target != null) r.sync(target, site, true);
    }

    public static void volatileReadStatic(int site) {
        Recorder r = recorder;
        if (r != null) r.sync(null, site, false);
    }

    public static void volatileWriteStatic(int site) {
        Recorder r = recorder;
        if (r != null) r.sync(null, site, true);
    }

    /** Just before MONITORENTER, which may block: the lock is requested. */
    public static void monitorRequest(Object lock, int site) {
        Recorder r = recorder;
        if (r != null) r.lockRequest(lock, site);
    }

    /** After MONITORENTER or at the start of a synchronized method. */
    public static void monitorEnter(Object lock, int site) {
        Recorder r = recorder;
        if (r != null) r.lock(lock, site, true);
    }

    /** Before MONITOREXIT or at every exit of a synchronized method. */
    public static void monitorExit(Object lock, int site) {
        Recorder r = recorder;
        if (r != null) r.lock(lock, site, false);
    }

    /** Just before a modelled library call (or at the entry of a modelled JDK method). */
    public static void apiBefore(Object recv, Object a0, Object a1, long n0, long n1, long n2, int site) {
        Recorder r = recorder;
        if (r != null) r.api(true, recv, a0, a1, n0, n1, n2, null, 0, site);
    }

    /** Just after a modelled library call returned normally (or a modelled field was read). */
    public static void apiAfter(Object recv, Object a0, Object a1, long n0, long n1, long n2,
                                Object result, long numResult, int site) {
        Recorder r = recorder;
        if (r != null) r.api(false, recv, a0, a1, n0, n1, n2, result, numResult, site);
    }

    public static void join(Thread thread, int site) throws InterruptedException {
        thread.join();
        afterJoin(thread, site);
    }

    public static void join(Thread thread, long millis, int site) throws InterruptedException {
        thread.join(millis);
        afterJoin(thread, site);
    }

    public static void join(Thread thread, long millis, int nanos, int site) throws InterruptedException {
        thread.join(millis, nanos);
        afterJoin(thread, site);
    }

    private static void afterJoin(Thread thread, int site) {
        Recorder r = recorder;
        // A timed join that returns with the thread alive orders nothing.
        if (r != null && !thread.isAlive()) r.afterJoin(thread, site);
    }

    public static void wait(Object monitor, int site) throws InterruptedException {
        boolean held = beforeWait(monitor, site);
        try {
            monitor.wait();
        } finally {
            afterWait(monitor, site, held);
        }
    }

    public static void wait(Object monitor, long millis, int site) throws InterruptedException {
        boolean held = beforeWait(monitor, site);
        try {
            monitor.wait(millis);
        } finally {
            afterWait(monitor, site, held);
        }
    }

    public static void wait(Object monitor, long millis, int nanos, int site) throws InterruptedException {
        boolean held = beforeWait(monitor, site);
        try {
            monitor.wait(millis, nanos);
        } finally {
            afterWait(monitor, site, held);
        }
    }

    // wait() gives the monitor up and takes it back: a release and an acquire. Without the
    // monitor, wait throws IllegalMonitorStateException and nothing happened to the lock.
    private static boolean beforeWait(Object monitor, int site) {
        Recorder r = recorder;
        boolean held = monitor != null && Thread.holdsLock(monitor);
        if (r != null && held) {
            r.monitorWait(monitor, site, true);
            r.lock(monitor, site, false);
        }
        return held;
    }

    private static void afterWait(Object monitor, int site, boolean held) {
        Recorder r = recorder;
        if (r != null && held) {
            r.lock(monitor, site, true);
            r.monitorWait(monitor, site, false);
        }
    }

    /** Entry of a static initialiser: its accesses are ordered before every use of the class (JLS 12.4.2). */
    public static void clinitEnter() {
        Recorder r = recorder;
        if (r != null) r.clinit(true);
    }

    public static void clinitExit() {
        Recorder r = recorder;
        if (r != null) r.clinit(false);
    }
}
