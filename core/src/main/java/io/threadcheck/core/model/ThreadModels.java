package io.threadcheck.core.model;

/**
 * Thread start, as the JDK's own code does it: every {@code Thread.start} (and, on JDK 21+,
 * the container-aware start that executors and virtual-thread builders use) releases the
 * starting thread's history to the child. Hooked on entry of the JDK methods, so threads
 * started by executors, fork/join pools and virtual-thread factories are covered too.
 */
final class ThreadModels implements ApiModel {

    static final int START = 0;

    private static final ThreadModels MODEL = new ThreadModels();

    private ThreadModels() {}

    static void register(CallModels.Builder b) {
        b.entry(MODEL, START, "java/lang/Thread", "start", null);
        b.entry(MODEL, START, "java/lang/VirtualThread", "start", null).since(21);
    }

    @Override
    public void before(int op, ApiEvents ev, Object recv, Object a0, Object a1, long n0, long n1, long n2) {
        if (op == START && recv instanceof Thread t) ev.threadStarting(t);
    }
}
