package io.threadcheck.core.analyse.contention;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadcheck.core.record.AccessKind;
import io.threadcheck.core.record.Site;
import io.threadcheck.core.record.SymbolTable;
import io.threadcheck.core.record.ThreadTable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TickingClockTest {

    /** A source the test sets; volatile, as the ticking thread reads it. */
    static final class SetClock implements NanoClock {
        volatile long now;

        @Override
        public long nanoTime() {
            return now;
        }
    }

    @Test
    void readsTheSourceAsOfTheLatestTick() {
        SetClock source = new SetClock();
        source.now = 7;
        TickingClock clock = TickingClock.start(source, TimeUnit.MICROSECONDS.toNanos(100));
        try {
            assertThat(clock.nanoTime()).isEqualTo(7); // read at start, before any tick
            source.now = 1_000;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (clock.nanoTime() != 1_000 && System.nanoTime() < deadline) Thread.onSpinWait();
            assertThat(clock.nanoTime()).as("a tick copied the source").isEqualTo(1_000);
        } finally {
            clock.stop();
        }
    }

    @Test
    void theOnlineProfilerTimesHoldsWithTheTickingClock() {
        Object lock = new Object();
        SymbolTable symbols = new SymbolTable();
        int site = symbols.site(new Site("A", "m", "A.java", 1), AccessKind.MONITOR_ENTER);
        ContentionProfiler profiler = ContentionProfiler.online(null, symbols, new ThreadTable());
        long start = System.nanoTime();
        profiler.lockRequest(1, lock, site);
        profiler.acquire(1, lock, site);
        while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(50)) Thread.onSpinWait();
        profiler.release(1, lock, site);
        long elapsed = System.nanoTime() - start;
        profiler.finish();
        // One hold of at least 50 ms, measured to within a tick (1 ms) plus the ticker's scheduling delays.
        assertThat(profiler.contention()).singleElement().satisfies(r -> assertThat(r.holdNanos())
                .isBetween(TimeUnit.MILLISECONDS.toNanos(25), elapsed + TimeUnit.MILLISECONDS.toNanos(25)));
    }
}
