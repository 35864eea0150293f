package io.threadcheck.core.analyse.contention;

/**
 * The time source of the contention profiler, in nanoseconds from an arbitrary origin. Online it
 * is {@link #SYSTEM}; a trace reader supplies the recorded time of the event being replayed; tests
 * advance a fake by hand.
 */
public interface NanoClock {

    long nanoTime();

    /** {@link System#nanoTime()}. An anonymous class, not a lambda: it is made during agent start-up. */
    NanoClock SYSTEM = new NanoClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    };
}
