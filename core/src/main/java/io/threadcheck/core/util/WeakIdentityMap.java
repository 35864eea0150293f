package io.threadcheck.core.util;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Objects;
import java.util.function.Function;

/**
 * A concurrent map keyed by object identity that does not keep its keys alive.
 *
 * <p>Keys are compared with {@code ==} and hashed with {@link System#identityHashCode}: the
 * key's own {@code hashCode}, {@code equals} and {@code toString} are never called, and no
 * lock is ever taken on a key. Each key is held by a {@link WeakReference}; once the key is
 * collected its entry is expunged (through a {@link ReferenceQueue}) on a later update or
 * {@link #size()}.
 *
 * <p>The table is split into stripes, each guarded by a lock of its own. Lookups take no lock:
 * a bucket's chain is immutable once published (entries have final links; an insertion
 * publishes a new head, a removal republishes a copied prefix), so a reader walks a
 * consistent chain. Updates lock one stripe. Values must not refer strongly to their key,
 * or the entry is never collected.
 *
 * <p>Null keys are rejected; a {@code null} value means "absent".
 */
public final class WeakIdentityMap<K, V> {

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Entry[].class);
    private static final int DEFAULT_STRIPES = 32;
    private static final int INITIAL_CAPACITY = 16;
    private static final int MAX_CAPACITY = 1 << 30;

    /** A key's weak reference, its hash, the value, and the next entry of the bucket. */
    private static final class Entry<K, V> extends WeakReference<K> {
        final int hash;
        final Entry<K, V> next;
        volatile V value;

        Entry(K key, int hash, V value, Entry<K, V> next, ReferenceQueue<Object> queue) {
            super(key, queue);
            this.hash = hash;
            this.value = value;
            this.next = next;
        }
    }

    /** One lock's share of the map; the stripe object itself is the lock (never a key). */
    private static final class Stripe<K, V> {
        volatile Entry<K, V>[] table;
        int count; // guarded by this

        @SuppressWarnings("unchecked")
        Stripe() {
            table = (Entry<K, V>[]) new Entry<?, ?>[INITIAL_CAPACITY];
        }
    }

    private final Stripe<K, V>[] stripes;
    private final int stripeShift;
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();

    public WeakIdentityMap() {
        this(DEFAULT_STRIPES);
    }

    /** @param concurrency expected number of concurrently updating threads (rounded up to a power of two) */
    @SuppressWarnings("unchecked")
    public WeakIdentityMap(int concurrency) {
        int n = 1;
        while (n < concurrency && n < (1 << 16)) n <<= 1;
        stripes = (Stripe<K, V>[]) new Stripe<?, ?>[n];
        for (int i = 0; i < n; i++) stripes[i] = new Stripe<>();
        stripeShift = 32 - Integer.numberOfTrailingZeros(n);
    }

    private static int hash(Object key) {
        int h = System.identityHashCode(key);
        h *= 0x9E3779B9; // spread the identity hash over the high bits (stripe) too
        return h ^ (h >>> 16);
    }

    private Stripe<K, V> stripe(int hash) {
        // stripeShift is 32 for a single stripe; a shift by 32 is a shift by 0 in Java
        return stripes.length == 1 ? stripes[0] : stripes[hash >>> stripeShift];
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Entry<K, V> head(Entry<K, V>[] table, int index) {
        return (Entry<K, V>) SLOT.getAcquire(table, index);
    }

    private static <K, V> Entry<K, V> find(Entry<K, V>[] table, Object key, int hash) {
        for (Entry<K, V> e = head(table, hash & (table.length - 1)); e != null; e = e.next) {
            if (e.hash == hash && e.get() == key) return e;
        }
        return null;
    }

    /** The value of {@code key}, or null; lock-free. */
    public V get(K key) {
        Objects.requireNonNull(key, "key");
        int h = hash(key);
        Entry<K, V> e = find(stripe(h).table, key, h);
        return e == null ? null : e.value;
    }

    public boolean containsKey(K key) {
        return get(key) != null;
    }

    /**
     * The value of {@code key}, computing and inserting it when absent. The function runs at
     * most once per insertion, under the stripe's lock: it must be quick and must not use this
     * map. A null result inserts nothing and is returned.
     */
    public V computeIfAbsent(K key, Function<? super K, ? extends V> function) {
        Objects.requireNonNull(key, "key");
        int h = hash(key);
        Stripe<K, V> s = stripe(h);
        Entry<K, V> e = find(s.table, key, h);
        if (e != null) {
            V v = e.value;
            if (v != null) return v;
        }
        expunge();
        synchronized (s) {
            e = find(s.table, key, h);
            if (e != null && e.value != null) return e.value;
            V v = function.apply(key);
            if (v == null) return null;
            if (e != null) e.value = v;
            else insert(s, key, h, v);
            return v;
        }
    }

    /** Associates {@code value} with {@code key}; returns the previous value, or null. */
    public V put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        int h = hash(key);
        Stripe<K, V> s = stripe(h);
        expunge();
        synchronized (s) {
            Entry<K, V> e = find(s.table, key, h);
            if (e != null) {
                V old = e.value;
                e.value = value;
                return old;
            }
            insert(s, key, h, value);
            return null;
        }
    }

    /** Removes {@code key}'s entry; returns its value, or null. */
    public V remove(K key) {
        Objects.requireNonNull(key, "key");
        int h = hash(key);
        Stripe<K, V> s = stripe(h);
        expunge();
        synchronized (s) {
            Entry<K, V> e = find(s.table, key, h);
            if (e == null) return null;
            unlink(s, e);
            return e.value;
        }
    }

    /** Number of entries whose keys are alive (entries of collected keys are expunged first). */
    public int size() {
        expunge();
        int n = 0;
        for (Stripe<K, V> s : stripes) {
            synchronized (s) {
                n += s.count;
            }
        }
        return n;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Removes the entries of collected keys now; also done by every update. */
    public void expunge() {
        Reference<?> ref;
        while ((ref = queue.poll()) != null) {
            @SuppressWarnings("unchecked")
            Entry<K, V> dead = (Entry<K, V>) ref;
            Stripe<K, V> s = stripe(dead.hash);
            synchronized (s) {
                unlink(s, dead);
            }
        }
    }

    // --- under the stripe's lock -----------------------------------------------------------

    private void insert(Stripe<K, V> s, K key, int h, V value) {
        Entry<K, V>[] tab = s.table;
        if (s.count >= tab.length - (tab.length >>> 2) && tab.length < MAX_CAPACITY) {
            tab = resize(s, tab);
        }
        int i = h & (tab.length - 1);
        SLOT.setRelease(tab, i, new Entry<>(key, h, value, head(tab, i), queue));
        s.count++;
    }

    /** Copies live entries into a table twice as large (fresh entries: links are final). */
    private Entry<K, V>[] resize(Stripe<K, V> s, Entry<K, V>[] old) {
        @SuppressWarnings("unchecked")
        Entry<K, V>[] tab = (Entry<K, V>[]) new Entry<?, ?>[old.length << 1];
        int mask = tab.length - 1;
        int live = 0;
        for (Entry<K, V> head : old) {
            for (Entry<K, V> e = head; e != null; e = e.next) {
                K k = e.get();
                if (k == null) continue; // collected: dropped here, its queued reference finds nothing later
                int i = e.hash & mask;
                tab[i] = new Entry<>(k, e.hash, e.value, tab[i], queue);
                live++;
            }
        }
        s.count = live;
        s.table = tab; // volatile write publishes the filled table
        return tab;
    }

    /** Removes exactly {@code target} (by reference) if it is still in its bucket. */
    private void unlink(Stripe<K, V> s, Entry<K, V> target) {
        Entry<K, V>[] tab = s.table;
        int i = target.hash & (tab.length - 1);
        Entry<K, V> first = head(tab, i);
        boolean present = false;
        for (Entry<K, V> e = first; e != null; e = e.next) {
            if (e == target) {
                present = true;
                break;
            }
        }
        if (!present) return; // already gone (dropped by a resize or an earlier removal)
        Entry<K, V> rebuilt = target.next;
        int dropped = 1;
        for (Entry<K, V> e = first; e != target; e = e.next) {
            K k = e.get();
            if (k == null) { // collected too: drop it now
                dropped++;
                continue;
            }
            rebuilt = new Entry<>(k, e.hash, e.value, rebuilt, queue);
        }
        SLOT.setRelease(tab, i, rebuilt);
        s.count -= dropped;
    }
}
