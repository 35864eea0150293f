package io.threadcheck.core.analyse.race;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpochAndThreadStateTest {

    @Test
    void epochPacksThreadAndClock() {
        long e = Epoch.make(100_123, 987_654_321_000L);
        assertThat(Epoch.tid(e)).isEqualTo(100_123);
        assertThat(Epoch.clock(e)).isEqualTo(987_654_321_000L);
        long max = Epoch.make(Epoch.MAX_TID, Epoch.MAX_CLOCK);
        assertThat(Epoch.tid(max)).isEqualTo(Epoch.MAX_TID);
        assertThat(Epoch.clock(max)).isEqualTo(Epoch.MAX_CLOCK);
        assertThat(max).isNotEqualTo(Epoch.SHARED);
        assertThat(Epoch.toString(Epoch.make(3, 7))).isEqualTo("7@3");
    }

    @Test
    void noneIsBeforeEveryClockAndLeqReadsMissingEntriesAsZero() {
        assertThat(Epoch.leq(Epoch.NONE, new long[0])).isTrue();
        long[] vc = {1, 5};
        assertThat(Epoch.leq(Epoch.make(1, 5), vc)).isTrue();
        assertThat(Epoch.leq(Epoch.make(1, 6), vc)).isFalse();
        assertThat(Epoch.leq(Epoch.make(9, 1), vc)).isFalse();
    }

    @Test
    void freshThreadStartsAtClockOneAndTicks() {
        ThreadState t = new ThreadState(5);
        assertThat(t.vc).hasSize(6);
        assertThat(t.epoch).isEqualTo(Epoch.make(5, 1));
        t.tick();
        assertThat(t.epoch).isEqualTo(Epoch.make(5, 2));
        t.join(new long[] {0, 0, 0, 0, 0, 1, 0, 0, 4});
        assertThat(t.vc).containsExactly(0, 0, 0, 0, 0, 2, 0, 0, 4);
        assertThat(t.epoch).isEqualTo(Epoch.make(5, 2));
    }

    @Test
    void reentrantHoldsAreCountedAndListedOnce() {
        ThreadState t = new ThreadState(0);
        LockName a = new LockName(new Object());
        LockName b = new LockName(String.class);
        t.acquired(a);
        LockSet afterA = t.locks;
        t.acquired(a);
        assertThat(t.locks).isSameAs(afterA); // no new snapshot on a reentrant acquire
        t.acquired(b);
        assertThat(t.holdCount(a)).isEqualTo(2);
        assertThat(t.locks.names()).containsExactly(a.text(), "class java.lang.String");
        assertThat(t.released(a)).isTrue();
        assertThat(t.holdCount(a)).isEqualTo(1);
        assertThat(t.locks.names()).containsExactly(a.text(), b.text());
        assertThat(t.released(a)).isTrue();
        assertThat(t.locks.names()).containsExactly(b.text());
        assertThat(t.released(a)).isFalse(); // not held
        assertThat(t.released(b)).isTrue();
        assertThat(t.locks).isSameAs(LockSet.EMPTY);
        // more locks than the initial capacity, released out of order
        LockName[] many = new LockName[10];
        for (int i = 0; i < many.length; i++) {
            many[i] = new LockName(new Object());
            t.acquired(many[i]);
        }
        t.released(many[3]);
        assertThat(t.locks.names()).hasSize(9).doesNotContain(many[3].text()).startsWith(many[0].text());
    }

    @Test
    void vectorClockCopyReusesAndClearsTheTail() {
        long[] dst = {9, 9, 9, 9};
        long[] out = VectorClocks.copy(new long[] {1, 2}, dst);
        assertThat(out).isSameAs(dst).containsExactly(1, 2, 0, 0);
        assertThat(VectorClocks.copy(new long[] {1, 2, 3}, new long[1])).containsExactly(1, 2, 3);
        assertThat(VectorClocks.join(null, new long[] {4})).containsExactly(4);
        assertThat(VectorClocks.join(new long[] {5, 1}, new long[] {2, 3, 7})).containsExactly(5, 3, 7);
    }
}
