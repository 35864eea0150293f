package io.threadcheck.core.analyse.deadlock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bound on the memory of the synchronisation trace: a number of recorded items (ints and
 * references), handed to threads in chunks so that the shared counter is touched rarely.
 * Once it is spent, or the run has ended, recording stops everywhere ({@link #stopped()}).
 */
final class TraceBudget {

    static final int CHUNK = 1 << 14;

    private final AtomicLong remaining;
    private volatile boolean stopped;
    private volatile boolean exhausted;

    TraceBudget(long items) {
        this.remaining = new AtomicLong(items);
    }

    /** A chunk of {@code items} for one thread, or false (and recording stops) when none is left. */
    boolean grant(int items) {
        if (stopped) return false;
        if (remaining.addAndGet(-items) >= 0) return true;
        exhausted = true;
        stopped = true;
        return false;
    }

    boolean stopped() {
        return stopped;
    }

    /** The end of the run: record nothing more. */
    void stop() {
        stopped = true;
    }

    /** True when the budget ran out before the run ended. */
    boolean exhausted() {
        return exhausted;
    }
}
