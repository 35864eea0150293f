package io.threadcheck.core.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WeakIdentityMapTest {

    /** A key whose own methods must never be called by the map. */
    static final class Hostile {
        @Override
        public int hashCode() {
            throw new AssertionError("hashCode called");
        }

        @Override
        public boolean equals(Object o) {
            throw new AssertionError("equals called");
        }

        @Override
        public String toString() {
            throw new AssertionError("toString called");
        }
    }

    @Test
    void keysAreComparedByIdentity() {
        WeakIdentityMap<String, Integer> map = new WeakIdentityMap<>();
        String a = new String("key");
        String b = new String("key");
        map.put(a, 1);
        map.put(b, 2);
        assertThat(map.get(a)).isEqualTo(1);
        assertThat(map.get(b)).isEqualTo(2);
        assertThat(map.get("key")).isNull();
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    void neverCallsTheKeysOwnMethods() {
        WeakIdentityMap<Object, String> map = new WeakIdentityMap<>(4);
        List<Hostile> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Hostile h = new Hostile();
            keys.add(h);
            map.computeIfAbsent(h, k -> "v");
        }
        for (Hostile h : keys) assertThat(map.get(h)).isEqualTo("v");
        for (int i = 0; i < 250; i++) assertThat(map.remove(keys.get(i))).isEqualTo("v");
        assertThat(map.size()).isEqualTo(250);
    }

    @Test
    void putGetRemoveAndComputeIfAbsent() {
        WeakIdentityMap<Object, String> map = new WeakIdentityMap<>();
        Object k = new Object();
        assertThat(map.get(k)).isNull();
        assertThat(map.containsKey(k)).isFalse();
        assertThat(map.computeIfAbsent(k, x -> null)).isNull();
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.computeIfAbsent(k, x -> "first")).isEqualTo("first");
        assertThat(map.computeIfAbsent(k, x -> "second")).isEqualTo("first");
        assertThat(map.put(k, "third")).isEqualTo("first");
        assertThat(map.get(k)).isEqualTo("third");
        assertThat(map.remove(k)).isEqualTo("third");
        assertThat(map.remove(k)).isNull();
        assertThat(map.get(k)).isNull();
        assertThat(map.size()).isZero();
        assertThatThrownBy(() -> map.get(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void growsAndKeepsEverything() {
        WeakIdentityMap<Object, Integer> map = new WeakIdentityMap<>(1);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Object k = new Object();
            keys.add(k);
            map.put(k, i);
        }
        assertThat(map.size()).isEqualTo(20_000);
        for (int i = 0; i < keys.size(); i++) assertThat(map.get(keys.get(i))).isEqualTo(i);
        for (int i = 0; i < keys.size(); i += 2) map.remove(keys.get(i));
        assertThat(map.size()).isEqualTo(10_000);
        for (int i = 0; i < keys.size(); i++) {
            assertThat(map.get(keys.get(i))).isEqualTo(i % 2 == 0 ? null : i);
        }
    }

    @Test
    void dropsEntriesOfCollectedKeys() throws Exception {
        WeakIdentityMap<Object, byte[]> map = new WeakIdentityMap<>();
        Object survivor = new Object();
        map.put(survivor, new byte[1]);
        List<WeakReference<Object>> probes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Object k = new Object();
            if (i % 1000 == 0) probes.add(new WeakReference<>(k));
            map.put(k, new byte[16]);
        }
        assertThat(map.size()).isEqualTo(10_001);

        for (int attempt = 0; attempt < 100 && map.size() > 1; attempt++) {
            System.gc();
            byte[][] pressure = new byte[64][];
            for (int i = 0; i < pressure.length; i++) pressure[i] = new byte[64 * 1024];
            Thread.sleep(20);
        }
        assertThat(map.size()).isEqualTo(1);
        assertThat(map.get(survivor)).isNotNull();
        assertThat(probes).allSatisfy(p -> assertThat(p.get()).isNull());

        // still usable after expunging
        Object fresh = new Object();
        map.put(fresh, new byte[2]);
        assertThat(map.get(fresh)).hasSize(2);
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    void valuesDoNotKeepTheMapFromDroppingUnrelatedKeys() throws Exception {
        WeakIdentityMap<Object, Object> map = new WeakIdentityMap<>();
        Object key = new Object();
        WeakReference<Object> ref = new WeakReference<>(key);
        map.put(key, new Object());
        key = null;
        for (int attempt = 0; attempt < 100 && (ref.get() != null || map.size() > 0); attempt++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(ref.get()).isNull();
        assertThat(map.size()).isZero();
    }

    @Test
    void concurrentComputeIfAbsentMakesOneValuePerKey() throws Exception {
        WeakIdentityMap<Object, Object> map = new WeakIdentityMap<>(8);
        int nKeys = 2_000;
        Object[] keys = new Object[nKeys];
        for (int i = 0; i < nKeys; i++) keys[i] = new Object();
        ConcurrentHashMap<Integer, Object> made = new ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        int nThreads = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Object[][] seen = new Object[nThreads][nKeys];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < nThreads; t++) {
            final int me = t;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                    for (int round = 0; round < 3; round++) {
                        for (int i = 0; i < nKeys; i++) {
                            int k = (i * 7 + me * 13) % nKeys;
                            Object v = map.computeIfAbsent(keys[k], key -> {
                                calls.incrementAndGet();
                                return new Object();
                            });
                            if (seen[me][k] == null) seen[me][k] = v;
                            else if (seen[me][k] != v) throw new AssertionError("value changed for key " + k);
                            Object other = made.putIfAbsent(k, v);
                            if (other != null && other != v) throw new AssertionError("two values for key " + k);
                            // churn: short-lived keys
                            map.computeIfAbsent(new Object(), key -> new Object());
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            th.start();
            threads.add(th);
        }
        go.countDown();
        for (Thread th : threads) th.join();
        assertThat(failures).isEmpty();
        for (int i = 0; i < nKeys; i++) assertThat(map.get(keys[i])).isSameAs(made.get(i));
        assertThat(calls.get()).isEqualTo(nKeys);
    }
}
