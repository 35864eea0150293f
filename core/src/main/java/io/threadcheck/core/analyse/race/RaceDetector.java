package io.threadcheck.core.analyse.race;

import io.threadcheck.core.record.EventVisitor;
import io.threadcheck.core.record.Site;
import io.threadcheck.core.record.SymbolTable;
import io.threadcheck.core.record.ThreadTable;
import io.threadcheck.core.report.Access;
import io.threadcheck.core.report.RaceReport;
import io.threadcheck.core.util.ObjectNames;
import io.threadcheck.core.util.WeakIdentityMap;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The FastTrack data-race detector (Flanagan and Freund, PLDI 2009), online and precise: a run
 * whose accesses are all ordered by happens-before gets no report.
 *
 * <p>Happens-before comes from vector clocks: one per thread ({@code C_t}), per lock
 * ({@code L_m}) and per other sync location (volatile field, ...). Each variable keeps the
 * epoch ({@link Epoch}) of its last write and of its last read; the reads become a read-shared
 * vector clock only while reads are concurrent. The common cases (an access in the same epoch
 * as the thread's previous access, or ordered after the previous one) cost O(1).
 *
 * <p>Thread-safety. Events of one thread arrive in program order, events of different threads
 * concurrently:
 * <ul>
 *   <li>a thread's state ({@link ThreadState}) is touched only by its own events, by its parent
 *       before it starts and by its joiner after it ended; the thread id table is published
 *       with release/acquire and grows under a lock of ours;</li>
 *   <li>a lock's clock is touched only while the program really holds the lock;</li>
 *   <li>a variable's check-and-update holds that variable's {@link VarState}; a sync location's
 *       clock is guarded by its {@link SyncState};</li>
 *   <li>shadow state of program objects lives in a {@link WeakIdentityMap}: identity only, no
 *       program code is run, no program object is locked, collected objects drop their state.</li>
 * </ul>
 *
 * <p>Races are reported once per unordered pair of sites (later detections count), in order of
 * first detection. After a race the state is updated as if the access were ordered, as the
 * paper does, so one bug does not cascade.
 */
public final class RaceDetector extends EventVisitor {

    private static final VarHandle THREAD_SLOT = MethodHandles.arrayElementVarHandle(ThreadState[].class);

    /** A race between one pair of sites: the first report, and how often the pair was seen. */
    private static final class RaceEntry {
        final RaceReport first;
        final LongAdder count = new LongAdder();

        RaceEntry(RaceReport first) {
            this.first = first;
            count.increment();
        }
    }

    private final SymbolTable symbols;
    private final ThreadTable threads;
    private final StackSource stacks;

    private final WeakIdentityMap<Object, ObjectShadow> objects = new WeakIdentityMap<>(64);
    private final IntTable<VarState> statics = new IntTable<>(64);
    private final IntTable<SyncState> staticSyncs = new IntTable<>(16);

    private final Object threadGrowth = new Object();
    private volatile ThreadState[] threadStates = new ThreadState[64];

    private final ConcurrentHashMap<Long, RaceEntry> racesByPair = new ConcurrentHashMap<>();
    private final List<RaceEntry> raceOrder = new ArrayList<>(); // guarded by itself

    public RaceDetector(EventVisitor next, SymbolTable symbols, ThreadTable threads, StackSource stacks) {
        super(next);
        this.symbols = symbols;
        this.threads = threads;
        this.stacks = stacks;
    }

    // --- results ---------------------------------------------------------------------------

    /** The races found so far, one per pair of sites, in order of first detection, with current counts. */
    public List<RaceReport> races() {
        RaceEntry[] entries;
        synchronized (raceOrder) {
            entries = raceOrder.toArray(new RaceEntry[0]);
        }
        List<RaceReport> out = new ArrayList<>(entries.length);
        for (RaceEntry e : entries) {
            RaceReport r = e.first;
            out.add(new RaceReport(r.variable(), r.earlier(), r.later(), e.count.sum()));
        }
        return List.copyOf(out);
    }

    /** Field and array accesses analysed. */
    public long accesses() {
        long n = 0;
        for (ThreadState t : threadStates) {
            if (t != null) n += t.counts.accesses;
        }
        return n;
    }

    /** Acquire, release, sync acquire/release, thread start and join events analysed. */
    public long syncEvents() {
        long n = 0;
        for (ThreadState t : threadStates) {
            if (t != null) n += t.counts.syncEvents;
        }
        return n;
    }

    // --- threads ---------------------------------------------------------------------------

    /** The state of {@code tid}, made on first sight with {@code C_t[t] = 1}; null for an id we cannot analyse. */
    private ThreadState thread(int tid) {
        ThreadState[] a = threadStates;
        if (tid >= 0 && tid < a.length) {
            ThreadState t = (ThreadState) THREAD_SLOT.getAcquire(a, tid);
            if (t != null) return t;
        }
        return newThread(tid);
    }

    private ThreadState newThread(int tid) {
        if (tid < 0 || tid > Epoch.MAX_TID) return null;
        synchronized (threadGrowth) {
            ThreadState[] a = threadStates;
            if (tid >= a.length) {
                long size = Math.max((long) a.length * 2, (long) tid + 1);
                a = Arrays.copyOf(a, (int) Math.min(size, (long) Epoch.MAX_TID + 1));
            }
            ThreadState t = a[tid];
            if (t == null) {
                t = new ThreadState(tid);
                THREAD_SLOT.setRelease(a, tid, t);
            }
            threadStates = a;
            return t;
        }
    }

    @Override
    public void threadStart(int parent, int child) {
        try {
            ThreadState p = thread(parent);
            ThreadState c = thread(child);
            if (p != null && c != null && p != c) {
                p.counts.syncEvents++;
                c.join(p.vc);   // C_child ⊔= C_parent
                p.tick();       // C_parent[parent]++
            }
        } finally {
            super.threadStart(parent, child);
        }
    }

    @Override
    public void threadJoin(int joiner, int joined) {
        try {
            ThreadState j = thread(joiner);
            ThreadState d = thread(joined);
            if (j != null && d != null && j != d) {
                j.counts.syncEvents++;
                j.join(d.vc);   // C_joiner ⊔= C_joined
                d.clearShadowCache();
            }
        } finally {
            super.threadJoin(joiner, joined);
        }
    }

    // --- locks and sync locations ----------------------------------------------------------

    private ObjectShadow shadow(Object o) {
        return objects.computeIfAbsent(o, ObjectShadow.FACTORY);
    }

    /** {@link #shadow(Object)} through the thread's small cache of recently touched objects. */
    private ObjectShadow shadow(ThreadState t, Object o) {
        Object[] keys = t.cachedObjects;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == o) return t.cachedShadows[i];
        }
        ObjectShadow s = shadow(o);
        int slot = t.nextCacheSlot++ & (ThreadState.SHADOW_CACHE - 1);
        keys[slot] = o;
        t.cachedShadows[slot] = s;
        return s;
    }

    @Override
    public void acquire(int tid, Object lock, int site) {
        try {
            acquired(tid, lock);
        } finally {
            super.acquire(tid, lock, site);
        }
    }

    /** A lock taken without waiting orders exactly as one taken after a wait. */
    @Override
    public void tryAcquire(int tid, Object lock, int site) {
        try {
            acquired(tid, lock);
        } finally {
            super.tryAcquire(tid, lock, site);
        }
    }

    private void acquired(int tid, Object lock) {
        ThreadState t = thread(tid);
        if (t != null && lock != null) {
            t.counts.syncEvents++;
            LockState l = shadow(lock).lock(lock);
            long[] lv = l.vc;
            if (lv != null) t.join(lv);     // C_t ⊔= L_m
            t.acquired(l.name);
        }
    }

    @Override
    public void release(int tid, Object lock, int site) {
        try {
            ThreadState t = thread(tid);
            if (t != null && lock != null) {
                t.counts.syncEvents++;
                LockState l = shadow(lock).lock(lock);
                l.vc = VectorClocks.copy(t.vc, l.vc); // L_m := C_t
                t.tick();                              // C_t[t]++
                t.released(l.name); // false when not held: nothing else to undo
            }
        } finally {
            super.release(tid, lock, site);
        }
    }

    private SyncState syncState(Object sync, int key) {
        return sync == null ? staticSyncs.getOrCreate(key, SyncState.FACTORY) : shadow(sync).sync(key);
    }

    private SyncState existingSyncState(Object sync, int key) {
        if (sync == null) return staticSyncs.get(key);
        ObjectShadow shadow = objects.get(sync);
        return shadow == null ? null : shadow.syncIfPresent(key);
    }

    @Override
    public void syncRelease(int tid, Object sync, int key, int site) {
        try {
            ThreadState t = thread(tid);
            if (t != null) {
                t.counts.syncEvents++;
                SyncState s = syncState(sync, key);
                synchronized (s) {
                    s.vc = VectorClocks.join(s.vc, t.vc); // L ⊔= C_t (several releasers)
                }
                t.tick();
            }
        } finally {
            super.syncRelease(tid, sync, key, site);
        }
    }

    @Override
    public void syncAcquire(int tid, Object sync, int key, int site) {
        try {
            ThreadState t = thread(tid);
            if (t != null) {
                t.counts.syncEvents++;
                // Acquiring where nothing was ever released orders nothing: make no state for it
                // (a program reads many more elements and flags than it publishes).
                SyncState s = existingSyncState(sync, key);
                if (s != null) {
                    synchronized (s) {
                        t.join(s.vc);                     // C_t ⊔= L
                    }
                }
            }
        } finally {
            super.syncAcquire(tid, sync, key, site);
        }
    }

    // --- accesses --------------------------------------------------------------------------

    @Override
    public void read(int tid, Object target, int site) {
        try {
            ThreadState t = thread(tid);
            if (t != null) {
                t.counts.accesses++;
                int field = symbols.fieldOf(site);
                if (field >= 0) {
                    VarState v = target == null ? statics.getOrCreate(field, VarState.FACTORY) : shadow(t, target).field(field);
                    onRead(t, v, site, null, field, -1);
                }
            }
        } finally {
            super.read(tid, target, site);
        }
    }

    @Override
    public void write(int tid, Object target, int site) {
        try {
            ThreadState t = thread(tid);
            if (t != null) {
                t.counts.accesses++;
                int field = symbols.fieldOf(site);
                if (field >= 0) {
                    VarState v = target == null ? statics.getOrCreate(field, VarState.FACTORY) : shadow(t, target).field(field);
                    onWrite(t, v, site, null, field, -1);
                }
            }
        } finally {
            super.write(tid, target, site);
        }
    }

    @Override
    public void arrayRead(int tid, Object array, int index, int site) {
        try {
            ThreadState t = thread(tid);
            if (t != null && array != null) {
                t.counts.accesses++;
                VarState v = shadow(t, array).element(array, index);
                if (v != null) onRead(t, v, site, array, -1, index);
            }
        } finally {
            super.arrayRead(tid, array, index, site);
        }
    }

    @Override
    public void arrayWrite(int tid, Object array, int index, int site) {
        try {
            ThreadState t = thread(tid);
            if (t != null && array != null) {
                t.counts.accesses++;
                VarState v = shadow(t, array).element(array, index);
                if (v != null) onWrite(t, v, site, array, -1, index);
            }
        } finally {
            super.arrayWrite(tid, array, index, site);
        }
    }

    private void onRead(ThreadState t, VarState v, int site, Object array, int field, int index) {
        long e = t.epoch;
        long r = v.r;
        if (r == e) return;                                        // [READ SAME EPOCH]
        if (r == Epoch.SHARED) {
            ReadShared sh = v.shared;
            if (sh != null && sh.clockOf(t.tid) == Epoch.clock(e)) return; // [READ SHARED SAME EPOCH]
        }
        Pending found;
        synchronized (v) {
            found = readLocked(t, v, site);
        }
        if (found != null) report(t, site, false, found, array, field, index);
    }

    private static Pending readLocked(ThreadState t, VarState v, int site) {
        final long e = t.epoch;
        final long[] c = t.vc;
        final int tid = t.tid;
        final long clock = Epoch.clock(e);
        long r = v.r;
        if (r == e) return null;
        ReadShared sh = r == Epoch.SHARED ? v.shared : null;
        if (sh != null && sh.clockOf(tid) == clock) return null;

        Pending found = null;
        long w = v.w;
        if (!Epoch.leq(w, c)) found = Pending.add(null, Epoch.tid(w), true, v.wSite, v.wLocks); // write-read

        if (sh != null) {                                          // [READ SHARED]
            ReadShared grown = sh.set(tid, clock, site, t.locks);
            if (grown != sh) v.shared = grown;
        } else if (Epoch.leq(r, c)) {                              // [READ EXCLUSIVE]
            v.rSite = site;
            v.rLocks = t.locks;
            v.r = e;
        } else {                                                   // [READ SHARE]: promote
            v.shared = ReadShared.of(Epoch.tid(r), Epoch.clock(r), v.rSite, v.rLocks,
                    tid, clock, site, t.locks);
            v.r = Epoch.SHARED;
        }
        return found;
    }

    private void onWrite(ThreadState t, VarState v, int site, Object array, int field, int index) {
        if (v.w == t.epoch) return;                                // [WRITE SAME EPOCH]
        Pending found;
        synchronized (v) {
            found = writeLocked(t, v, site);
        }
        if (found != null) report(t, site, true, found, array, field, index);
    }

    private static Pending writeLocked(ThreadState t, VarState v, int site) {
        final long e = t.epoch;
        final long[] c = t.vc;
        long w = v.w;
        if (w == e) return null;

        Pending found = null;
        if (!Epoch.leq(w, c)) found = Pending.add(null, Epoch.tid(w), true, v.wSite, v.wLocks); // write-write

        long r = v.r;
        if (r == Epoch.SHARED) {                                   // [WRITE SHARED]
            ReadShared sh = v.shared;
            if (sh != null) found = sh.racesWith(c, found);        // read-write, each unordered reader
            v.r = Epoch.NONE;
            v.shared = null;
            v.rSite = -1;
            v.rLocks = LockSet.EMPTY;
        } else if (!Epoch.leq(r, c)) {                             // [WRITE EXCLUSIVE]
            found = Pending.add(found, Epoch.tid(r), false, v.rSite, v.rLocks); // read-write
        }
        v.wSite = site;
        v.wLocks = t.locks;
        v.w = e;
        return found;
    }

    // --- reporting (rare, slow) ------------------------------------------------------------

    private static long pairKey(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        return ((long) lo << 32) | (hi & 0xFFFFFFFFL);
    }

    private void report(ThreadState t, int site, boolean write, Pending found,
                        Object array, int field, int index) {
        String variable = null;
        Access later = null;
        for (Pending p = found; p != null; p = p.next) {
            long key = pairKey(p.site, site);
            RaceEntry known = racesByPair.get(key);
            if (known != null) {
                known.count.increment();
                continue;
            }
            if (later == null) {
                variable = variableName(array, field, index);
                Site here = siteAt(site);
                later = access(t.tid, write, here, currentStack(t.tid, site, here), t.locks);
            }
            Site there = siteAt(p.site);
            Access earlier = access(p.tid, p.write, there, there == null ? List.of() : List.of(there), p.locks);
            RaceEntry entry = new RaceEntry(new RaceReport(variable, earlier, later, 1));
            synchronized (raceOrder) {
                RaceEntry prev = racesByPair.putIfAbsent(key, entry);
                if (prev == null) raceOrder.add(entry);
                else prev.count.increment();
            }
        }
    }

    private String variableName(Object array, int field, int index) {
        if (field >= 0) return symbols.fieldName(field);
        return ObjectNames.describe(array) + '[' + index + ']';
    }

    private Site siteAt(int site) {
        return site >= 0 && site < symbols.siteCount() ? symbols.siteAt(site) : null;
    }

    private List<Site> currentStack(int tid, int site, Site here) {
        if (stacks != null) {
            try {
                List<Site> stack = stacks.currentStack(tid, site);
                if (stack != null && !stack.isEmpty() && noNulls(stack)) return stack;
            } catch (RuntimeException ignored) {
                // a stack is a nicety: report the race with its site alone
            }
        }
        return here == null ? List.of() : List.of(here);
    }

    private static boolean noNulls(List<Site> stack) {
        for (Site s : stack) {
            if (s == null) return false; // List.contains(null) throws on immutable lists
        }
        return true;
    }

    private Access access(int tid, boolean write, Site site, List<Site> stack, LockSet locks) {
        ThreadTable.ThreadInfo info = threads.get(tid);
        String startedBy = info != null && info.parent() >= 0 ? threads.name(info.parent()) : null;
        List<Site> startStack = info != null && info.startStack() != null ? info.startStack() : List.of();
        return new Access(threads.name(tid), tid, write ? "write" : "read", site, stack,
                locks.names(), startedBy, startStack);
    }
}
