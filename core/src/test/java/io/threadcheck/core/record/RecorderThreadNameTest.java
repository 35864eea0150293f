package io.threadcheck.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Report names of threads: their own, or an id-based one for threads without a name. */
class RecorderThreadNameTest {

    @Test
    void namedThreadKeepsItsName() {
        assertThat(Recorder.nameOf(new Thread(() -> { }, "worker-7"))).isEqualTo("worker-7");
    }

    @Test
    void unnamedThreadIsNamedByItsId() {
        // Virtual threads are unnamed unless their builder names them; a platform thread can be too.
        Thread unnamed = new Thread(() -> { }, "");
        assertThat(Recorder.nameOf(unnamed)).isEqualTo("unnamed#" + unnamed.getId());
    }
}
