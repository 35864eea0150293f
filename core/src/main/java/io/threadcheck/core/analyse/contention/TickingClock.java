package io.threadcheck.core.analyse.contention;

import java.util.concurrent.locks.LockSupport;

/**
 * A clock that costs one volatile read: a daemon thread of ours copies a source clock into a
 * field every {@code period}. Used for hold times, which every lock operation measures: reading
 * {@link System#nanoTime()} twice per hold would cost more than the rest of the profiler.
 *
 * <p>A time read from it is the source's time at the latest tick, so one interval measured with
 * it is off by less than a period (plus any delay in scheduling the ticking thread); summed over
 * many intervals whose starts do not follow the ticks, the errors cancel out on average.
 */
final class TickingClock implements NanoClock {

    private final NanoClock source;
    private final long periodNanos;
    private volatile long now;
    private volatile boolean stopped;

    private TickingClock(NanoClock source, long periodNanos) {
        this.source = source;
        this.periodNanos = periodNanos;
        this.now = source.nanoTime();
    }

    /** A clock ticking every {@code periodNanos}, its thread already running. */
    static TickingClock start(NanoClock source, long periodNanos) {
        TickingClock clock = new TickingClock(source, periodNanos);
        Thread ticker = new Thread(new Ticker(clock), "threadcheck-clock");
        ticker.setDaemon(true);
        ticker.start();
        return clock;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Ends the ticking thread; the time stays at its last tick. */
    void stop() {
        stopped = true;
    }

    /** The ticking thread's loop (a named class: it starts during agent start-up, where lambdas are avoided). */
    private static final class Ticker implements Runnable {
        private final TickingClock clock;

        Ticker(TickingClock clock) {
            this.clock = clock;
        }

        @Override
        public void run() {
            while (!clock.stopped) {
                clock.now = clock.source.nanoTime();
                LockSupport.parkNanos(clock.periodNanos);
            }
        }
    }
}
