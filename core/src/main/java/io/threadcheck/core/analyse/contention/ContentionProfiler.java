package io.threadcheck.core.analyse.contention;

import io.threadcheck.core.record.EventVisitor;
import io.threadcheck.core.record.SymbolTable;
import io.threadcheck.core.record.ThreadTable;
import io.threadcheck.core.report.ContentionReport;
import io.threadcheck.core.util.WeakIdentityMap;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Lock contention: per lock, how often it was taken, how often and how long threads waited for
 * it, how long it was held, where, and which holder made which waiter wait.
 *
 * <p>Only the slow path is timed. A thread's {@link #lockRequest} looks at who holds the lock
 * ({@link LockOwnership}); only when another thread holds it, other threads are queued for it
 * (or, for a semaphore, no permit is free) is the clock read and the request remembered
 * ({@link PendingRequest}); the acquisition that follows reads the clock again and records the
 * wait, its site and the holder's site. An uncontended acquisition reads the hold clock once, at
 * the outermost acquire, and once at the outermost release; online that clock is a
 * {@link TickingClock} (see {@link #online}), one volatile read. Reentrant acquisitions count
 * nothing.
 *
 * <p>{@code Object.wait}/{@code Condition.await}: the time from {@link #waitStart} to
 * {@link #waitEnd} is the lock's {@code conditionWaitNanos}, never a lock wait; the lock is not
 * held meanwhile (the hold ends at waitStart and resumes when the lock is taken back, without a
 * new acquisition).
 *
 * <p>State: a {@link LockStats} per lock (per side of a read-write lock), found through weak maps
 * keyed by identity and cached per thread for the last few locks used. A record is kept strongly
 * once it has something to report (a wait, a condition wait, 10 ms of hold), so it survives the
 * lock; a lock that never got there is forgotten with it. Updates of an exclusive lock's record
 * are serialised by the program's lock itself; shared sides use monitors of ours for waits and
 * per-thread totals for acquisitions and holds. No program object is locked, no program code
 * runs, and events allocate nothing once a lock and its sites are known.
 *
 * <p>Not seen: waits to enter a synchronized method (it is entered before any hook runs, so it
 * has no request: its acquisitions and holds count, its waits cannot be timed); a wait that began
 * in the short window between a request's look at the lock and the real acquisition (another
 * thread took the lock just then); holds and waits still open at the end of the run.
 */
public final class ContentionProfiler extends EventVisitor {

    /**
     * A lock held at least this long in total is reported even if nobody waited for it: well above
     * the hold clock's tick, so a few short holds that happen to span a tick do not qualify.
     */
    public static final long HOLD_CUT_NANOS = 10_000_000L;

    private static final int MAX_TID = (1 << 24) - 1;
    private static final VarHandle THREAD_SLOT = MethodHandles.arrayElementVarHandle(ThreadContention[].class);

    /** How often the online hold clock ticks. */
    static final long HOLD_TICK_NANOS = 1_000_000L;

    private final SymbolTable symbols;
    /** Times waits (exact: read only on the slow path). */
    private final NanoClock clock;
    /** Times holds (read twice per hold): {@link #clock}, or online a {@link TickingClock}. */
    private final NanoClock holdClock;
    private final TickingClock ticker; // ours to stop; null when holds use the exact clock
    private final long startNanos;

    private final WeakIdentityMap<Object, LockStats> exclusiveSides = new WeakIdentityMap<>(64);
    private final WeakIdentityMap<Object, LockStats> sharedSides = new WeakIdentityMap<>(16);
    /** The ownership both sides of a read-write lock share, keyed by the object they share. */
    private final WeakIdentityMap<Object, LockOwnership> readWritePairs = new WeakIdentityMap<>(16);

    /** Records worth reporting, kept after their locks are gone (guarded by itself). */
    private final List<LockStats> kept = new ArrayList<>();
    /** Shared sides by {@link LockStats#sharedId} (guarded by {@link #kept}). */
    private final List<LockStats> sharedById = new ArrayList<>();

    private final Object threadGrowth = new Object();
    private volatile ThreadContention[] threadStates = new ThreadContention[64];

    private volatile RuntimeException failure;
    private volatile boolean finished;
    private long finishNanos;
    private List<ContentionReport> reports; // guarded by kept

    private final Function<Object, LockStats> newExclusiveSide = new Function<>() {
        @Override
        public LockStats apply(Object lock) {
            return new LockStats(new LockLabel(lock), LockKinds.kindOf(lock, false), false, -1, ownershipOf(lock));
        }
    };

    private final Function<Object, LockStats> newSharedSide = new Function<>() {
        @Override
        public LockStats apply(Object lock) {
            synchronized (kept) {
                LockStats s = new LockStats(new LockLabel(lock), LockKinds.kindOf(lock, true), true,
                        sharedById.size(), ownershipOf(lock));
                sharedById.add(s);
                s.kept = true; // few, and their per-thread totals refer to them by id
                kept.add(s);
                return s;
            }
        }
    };

    private static final Function<Object, LockOwnership> NEW_OWNERSHIP = new Function<>() {
        @Override
        public LockOwnership apply(Object pair) {
            return new LockOwnership();
        }
    };

    /**
     * @param threads the thread table of the run (the report names sites, not threads: unused for now)
     * @param clock   {@link NanoClock#SYSTEM} online; a trace reader's event times offline
     */
    public ContentionProfiler(EventVisitor next, SymbolTable symbols, ThreadTable threads, NanoClock clock) {
        this(next, symbols, clock, null);
    }

    private ContentionProfiler(EventVisitor next, SymbolTable symbols, NanoClock clock, TickingClock ticker) {
        super(next);
        this.symbols = symbols;
        this.clock = clock;
        this.ticker = ticker;
        this.holdClock = ticker != null ? ticker : clock;
        this.startNanos = clock.nanoTime();
    }

    /**
     * The profiler of a live program: waits timed with {@link System#nanoTime()}, holds with a
     * clock that ticks every millisecond ({@link TickingClock}: one volatile read instead of a
     * {@code nanoTime} call on every acquisition and release), stopped by {@link #finish()}.
     * Hold times are then exact to within a tick each, and unbiased in total.
     */
    public static ContentionProfiler online(EventVisitor next, SymbolTable symbols, ThreadTable threads) {
        return new ContentionProfiler(next, symbols, NanoClock.SYSTEM,
                TickingClock.start(NanoClock.SYSTEM, HOLD_TICK_NANOS));
    }

    // --- results ---------------------------------------------------------------------------

    /**
     * The contended or busy locks, most waited for first (then longest held), at most
     * 50 (see {@link ContentionReports}). Complete after
     * {@link #finish()}; before it, a snapshot of the run so far.
     */
    public List<ContentionReport> contention() {
        synchronized (kept) {
            if (reports != null) return reports;
            boolean done = finished;
            long end = done ? finishNanos : clock.nanoTime();
            List<ContentionReport> built = ContentionReports.build(new ArrayList<>(kept), symbols, end - startNanos);
            if (done) reports = built;
            return built;
        }
    }

    /** The error that stopped profiling, or null. The program and the other analyses went on. */
    public RuntimeException failure() {
        return failure;
    }

    // --- threads ---------------------------------------------------------------------------

    private ThreadContention thread(int tid) {
        ThreadContention[] a = threadStates;
        if (tid >= 0 && tid < a.length) {
            ThreadContention t = (ThreadContention) THREAD_SLOT.getAcquire(a, tid);
            if (t != null) return t;
        }
        return newThread(tid);
    }

    private ThreadContention newThread(int tid) {
        if (tid < 0 || tid > MAX_TID) return null;
        synchronized (threadGrowth) {
            ThreadContention[] a = threadStates;
            if (tid >= a.length) a = Arrays.copyOf(a, Math.max(a.length * 2, tid + 1));
            ThreadContention t = a[tid];
            if (t == null) {
                t = new ThreadContention();
                THREAD_SLOT.setRelease(a, tid, t);
            }
            threadStates = a;
            return t;
        }
    }

    @Override
    public void threadJoin(int joiner, int joined) {
        try {
            ThreadContention[] a = threadStates;
            if (joined >= 0 && joined < a.length) {
                ThreadContention t = (ThreadContention) THREAD_SLOT.getAcquire(a, joined);
                if (t != null) { // it has ended: let its last locks go, and a request it abandoned
                    t.clearCache();
                    t.pending.clear();
                }
            }
        } finally {
            super.threadJoin(joiner, joined);
        }
    }

    // --- lock records ----------------------------------------------------------------------

    /** The record of {@code lock}'s exclusive or shared side, through the thread's small cache. */
    private LockStats stats(ThreadContention t, Object lock, boolean shared) {
        LockStats s = t.cached(lock, shared);
        if (s != null) return s;
        s = (shared ? sharedSides : exclusiveSides).computeIfAbsent(lock, shared ? newSharedSide : newExclusiveSide);
        t.cache(lock, s);
        return s;
    }

    /** The ownership of {@code lock}: its own, or the one it shares with the other side of its read-write lock. */
    private LockOwnership ownershipOf(Object lock) {
        Object pair = LockKinds.pairOf(lock);
        return pair == null ? new LockOwnership() : readWritePairs.computeIfAbsent(pair, NEW_OWNERSHIP);
    }

    /** Keeps {@code s} past its lock's life: it has something to report. */
    private void keep(LockStats s) {
        if (s.kept) return;
        synchronized (kept) {
            if (!s.kept) {
                s.kept = true;
                kept.add(s);
            }
        }
    }

    // --- events ----------------------------------------------------------------------------

    @Override
    public void lockRequest(int tid, Object lock, int site) {
        try {
            if (failure == null && lock != null) requested(tid, lock, site);
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            super.lockRequest(tid, lock, site);
        }
    }

    private void requested(int tid, Object requested, int site) {
        Object lock = LockKinds.requestTarget(requested);
        ThreadContention t = thread(tid);
        if (t == null) return;
        t.pending.clear(); // a request that threw left no acquisition
        boolean shared = LockKinds.requestsShared(lock);
        if (!shared && t.held.find(lock, false) != null) return; // reentrant: never waits
        LockOwnership o = stats(t, lock, shared).ownership;
        long holder = o.holder();
        if (holder != 0 && LockOwnership.holderTid(holder) == tid) holder = 0;
        int readers = shared ? 0 : o.readers();
        boolean queued = o.waiters() > 0;
        boolean noPermits = shared && LockKinds.semaphoreBlocks(lock);
        if (holder == 0 && readers == 0 && !queued && !noPermits) return; // free: the fast path reads no clock
        t.pending.set(lock, o, clock.nanoTime(), site, holder, readers, o.lastReaderSite(), noPermits, queued);
    }

    @Override
    public void acquire(int tid, Object lock, int site) {
        try {
            if (failure == null && lock != null) acquiredExclusive(tid, lock, site, true);
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            super.acquire(tid, lock, site);
        }
    }

    /** Counts as an acquisition, never as contended: tryLock does not wait. */
    @Override
    public void tryAcquire(int tid, Object lock, int site) {
        try {
            if (failure == null && lock != null) acquiredExclusive(tid, lock, site, false);
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            super.tryAcquire(tid, lock, site);
        }
    }

    private void acquiredExclusive(int tid, Object lock, int site, boolean blocking) {
        ThreadContention t = thread(tid);
        if (t == null) return;
        t.releaseToSkip = null;
        HeldLocks h = t.held;
        HeldLock held = h.find(lock, false);
        if (held != null) {
            if (held.suspended) resume(tid, held); // taken back after wait/await: not a new acquisition
            else held.count++;                     // reentrant
            t.pending.clear();
            return;
        }
        LockStats s = stats(t, lock, false);
        PendingRequest p = t.pending;
        if (blocking && p.blocksExclusive(lock)) {
            s.waited(p.site, p.exclusiveBlamed(s.ownership), clock.nanoTime() - p.since); // we hold the lock: serialised
            keep(s);
        }
        p.clear();
        s.acquiredAt(site);
        s.ownership.setHolder(tid, site);
        h.push(lock, s, site, holdClock.nanoTime());
    }

    private void resume(int tid, HeldLock held) {
        held.suspended = false;
        held.since = holdClock.nanoTime();
        held.stats.ownership.setHolder(tid, held.site);
    }

    @Override
    public void release(int tid, Object lock, int site) {
        try {
            if (failure == null && lock != null) releasedExclusive(tid, lock);
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            super.release(tid, lock, site);
        }
    }

    private void releasedExclusive(int tid, Object lock) {
        ThreadContention t = thread(tid);
        if (t == null) return;
        t.pending.clear();
        if (t.releaseToSkip == lock) { // wait/await giving the lock up: waitStart ended the hold
            t.releaseToSkip = null;
            return;
        }
        HeldLocks h = t.held;
        HeldLock held = h.find(lock, false);
        if (held == null || --held.count > 0) return;
        LockStats s = held.stats;
        if (held.suspended) {
            s.held(held.site, 1, 0);
        } else {
            s.ownership.clearHolder();
            endHold(s, held.site, 1, holdClock.nanoTime() - held.since);
        }
        h.remove(held);
    }

    private void endHold(LockStats s, int site, long count, long nanos) {
        s.held(site, count, nanos);
        if (!s.kept && s.holdNanos >= HOLD_CUT_NANOS) keep(s);
    }

    @Override
    public void waitStart(int tid, Object lock, int site) {
        try {
            if (failure == null && lock != null) waitStarted(tid, lock);
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            super.waitStart(tid, lock, site);
        }
    }

    private void waitStarted(int tid, Object lock) {
        ThreadContention t = thread(tid);
        if (t == null) return;
        t.pending.clear();
        HeldLock held = t.held.find(lock, false);
        t.waitLock = lock;
        t.waitSince = clock.nanoTime();
        t.waitStats = held != null ? held.stats : stats(t, lock, false);
        if (held != null && !held.suspended) {
            LockStats s = held.stats;
            s.ownership.clearHolder();
            endHold(s, held.site, 0, holdClock.nanoTime() - held.since); // the same hold goes on after the wait
            held.suspended = true;
            t.releaseToSkip = lock;
        }
    }

    @Override
    public void waitEnd(int tid, Object lock, int site) {
        try {
            if (failure == null && lock != null) waitEnded(tid, lock);
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            super.waitEnd(tid, lock, site);
        }
    }

    private void waitEnded(int tid, Object lock) {
        ThreadContention t = thread(tid);
        if (t == null) return;
        t.releaseToSkip = null;
        HeldLock held = t.held.find(lock, false);
        if (held != null && held.suspended) resume(tid, held); // the taking back was not delivered
        if (t.waitLock == lock) {
            LockStats s = t.waitStats;
            s.conditionWaited(clock.nanoTime() - t.waitSince); // the lock is held again: serialised
            keep(s);
            t.waitLock = null;
            t.waitStats = null;
        }
    }

    @Override
    public void sharedAcquire(int tid, Object lock, int site) {
        try {
            if (failure == null && lock != null) acquiredShared(tid, lock, site);
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            super.sharedAcquire(tid, lock, site);
        }
    }

    private void acquiredShared(int tid, Object lock, int site) {
        ThreadContention t = thread(tid);
        if (t == null) return;
        t.releaseToSkip = null;
        LockStats s = stats(t, lock, true);
        PendingRequest p = t.pending;
        if (p.blocksShared(lock)) {
            long waited = clock.nanoTime() - p.since;
            synchronized (s) { // other holders of a shared side update it at the same time
                s.waited(p.site, p.sharedBlamed(s.ownership), waited);
            }
        }
        p.clear();
        s.takenAt(site);
        if (!s.readSide) { // a semaphore permit: an acquisition, no holder
            t.sharedTotals.add(SiteTotals.pair(s.sharedId, site), 1, 0);
            return;
        }
        HeldLocks h = t.held;
        HeldLock held = h.find(lock, true);
        if (held != null) {
            held.count++;
            return;
        }
        t.sharedTotals.add(SiteTotals.pair(s.sharedId, site), 1, 0);
        s.ownership.readAcquired(site);
        h.push(lock, s, site, holdClock.nanoTime());
    }

    @Override
    public void sharedRelease(int tid, Object lock, int site) {
        try {
            if (failure == null && lock != null) releasedShared(tid, lock);
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            super.sharedRelease(tid, lock, site);
        }
    }

    private void releasedShared(int tid, Object lock) {
        ThreadContention t = thread(tid);
        if (t == null) return;
        t.pending.clear();
        HeldLocks h = t.held;
        HeldLock held = h.find(lock, true); // a semaphore is never there: permits have no holder
        if (held == null || --held.count > 0) return;
        LockStats s = held.stats;
        s.ownership.readReleased();
        t.sharedTotals.add(SiteTotals.pair(s.sharedId, held.site), 0, holdClock.nanoTime() - held.since);
        h.remove(held);
    }

    @Override
    public void finish() {
        try {
            synchronized (kept) {
                if (!finished) {
                    if (ticker != null) ticker.stop();
                    finishNanos = clock.nanoTime();
                    addSharedTotals();
                    finished = true;
                }
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            RuntimeException failed = failure;
            if (failed != null) {
                // the races, deadlocks and the locks seen before it are still reported
                System.err.println("threadcheck: the contention profiler stopped early, its figures are incomplete: "
                        + failed);
            }
            super.finish();
        }
    }

    /** Folds each thread's shared-side acquisitions and holds into the records (under {@link #kept}). */
    private void addSharedTotals() {
        for (ThreadContention t : threadStates) {
            if (t == null) continue;
            for (SiteTotals.Total total : t.sharedTotals.totals()) {
                int id = SiteTotals.first(total.key());
                if (id < 0 || id >= sharedById.size()) continue;
                LockStats s = sharedById.get(id);
                synchronized (s) {
                    s.addShared(SiteTotals.second(total.key()), total.count(), total.nanos());
                }
            }
        }
    }

    private void fail(RuntimeException e) {
        if (failure == null) failure = e;
    }
}
