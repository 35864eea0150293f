package io.threadcheck.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTargetTest {

    /** Records what a model emitted, one line per event. */
    static final class Events implements ApiEvents {
        final List<String> log = new ArrayList<>();

        @Override public void release(Object sync, int key) { log.add("release " + name(sync) + " " + key); }
        @Override public void acquire(Object sync, int key) { log.add("acquire " + name(sync) + " " + key); }
        @Override public void releaseStatic(int field) { log.add("releaseStatic " + field); }
        @Override public void acquireStatic(int field) { log.add("acquireStatic " + field); }
        @Override public void lock(Object lock) { log.add("lock"); }
        @Override public void unlock(Object lock) { log.add("unlock"); }
        @Override public void lockRequest(Object lock) { log.add("lockRequest"); }
        @Override public void tryLock(Object lock) { log.add("tryLock"); }
        @Override public void sharedLock(Object lock) { log.add("sharedLock"); }
        @Override public void sharedUnlock(Object lock) { log.add("sharedUnlock"); }
        @Override public void waitStart(Object lock) { log.add("waitStart"); }
        @Override public void waitEnd(Object lock) { log.add("waitEnd"); }
        @Override public void read(Object target, int field) { log.add("read " + name(target) + " " + field); }
        @Override public void write(Object target, int field) { log.add("write " + name(target) + " " + field); }
        @Override public void arrayRange(Object array, int from, int to, boolean write) {
            log.add((write ? "writes " : "reads ") + from + ".." + to);
        }
        @Override public int field(String owner, String name) { return (owner + "." + name).length(); }
        @Override public void threadStarting(Thread child) { }
        @Override public void beginOptimisticRead() { log.add("beginOptimisticRead"); }
        @Override public void endOptimisticRead(boolean validated) { log.add("endOptimisticRead " + validated); }

        private static String name(Object o) {
            return o == null ? "null" : o.getClass().getSimpleName();
        }
    }

    static class Base {
        static volatile int counter;
        int inherited;
    }

    static final class Derived extends Base {
        final int fixed = 1;
        volatile int flag;
    }

    @Test
    void resolvesInheritedAndStaticFieldsAsTheirDeclaringClass() {
        Events ev = new Events();
        AccessTarget inherited = AccessTarget.resolve(ev, Derived.class, "inherited", false);
        AccessTarget counter = AccessTarget.resolve(ev, Derived.class, "counter", true);
        assertThat(AccessTarget.resolve(ev, Derived.class, "counter", false)).isNull();
        assertThat(AccessTarget.resolve(ev, Derived.class, "missing", false)).isNull();

        inherited.write(ev, new Derived(), 0);
        counter.release(ev, null, 0);
        counter.read(ev, null, 0);
        int inheritedId = ev.field(Base.class.getName(), "inherited");
        int counterId = ev.field(Base.class.getName(), "counter");
        assertThat(ev.log).containsExactly("write Derived " + inheritedId, "releaseStatic " + counterId,
                "read null " + counterId);
    }

    @Test
    void finalFieldsAndMissingObjectsRecordNothing() {
        Events ev = new Events();
        AccessTarget fixed = AccessTarget.resolve(ev, Derived.class, "fixed", false);
        AccessTarget flag = AccessTarget.resolve(ev, Derived.class, "flag", false);
        fixed.read(ev, new Derived(), 0);
        fixed.acquire(ev, new Derived(), 0);
        flag.read(ev, null, 0); // the call itself throws NullPointerException
        assertThat(ev.log).isEmpty();
        assertThat(flag.isVolatile()).isTrue();
    }

    @Test
    void arrayElementsAreKeyedByIndexAndNeverByANegativeKey() {
        Events ev = new Events();
        int[] array = new int[4];
        AccessTarget.ARRAY_ELEMENT.release(ev, array, 2);
        AccessTarget.ARRAY_ELEMENT.acquire(ev, array, -9);     // would be SyncKeys.SYNC
        AccessTarget.ARRAY_ELEMENT.release(ev, "not an array", 1);
        AccessTarget.ARRAY_ELEMENT.write(ev, array, 3);
        assertThat(ev.log).containsExactly("release int[] 2", "writes 3..4");
    }

    @Test
    void offsetsFindTheirFields() {
        Events ev = new Events();
        AccessOffsets offsets = new AccessOffsets();
        AccessTarget flag = AccessTarget.resolve(ev, Derived.class, "flag", false);
        AccessTarget inherited = AccessTarget.resolve(ev, Derived.class, "inherited", false);
        offsets.add(16, flag);
        offsets.add(24, inherited);
        offsets.add(16, inherited); // an offset is taken once
        assertThat(offsets.find(16)).isSameAs(flag);
        assertThat(offsets.find(24)).isSameAs(inherited);
        assertThat(offsets.find(12)).isNull();
    }
}
