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
 * ({@link LockOwnership}); only when another thread holds it (or, for a semaphore, no permit is
 * free) is the clock read and the request remembered ({@link PendingRequest}); the acquisition
 * that follows reads the clock again and records the wait, its site and the holder's site. An
 * uncontended acquisition reads the clock once, at the outermost acquire, and once at the
 * outermost release, for the hold time. Reentrant acquisitions count nothing.
 *
 * <p>{@code Object.wait}/{@code Condition.await}: the time from {@link #waitStart} to
 * {@link #waitEnd} is the lock's {@code conditionWaitNanos}, never a lock wait; the lock is not
 * held meanwhile (the hold ends at waitStart and resumes when the lock is taken back, without a
 * new acquisition).
 *
 * <p>State: a {@link LockStats} per lock (per side of a read-write lock), found through weak maps
 * keyed by identity and cached per thread for the last lock used. A record is kept strongly once
 * it has something to report (a wait, a condition wait, 1 ms of hold), so it survives the lock;
 * a lock that never got there is forgotten with it. Updates of an exclusive lock's record are
 * serialised by the program's lock itself; shared sides use monitors of ours for waits and
 * per-thread totals for acquisitions and holds. No program object is locked, no program code
 * runs, and events allocate nothing once a lock and its sites are known.
 *
 * <p>Not seen: waits to enter a synchronized method (it is entered before any hook runs, so it
 * has no request: its acquisitions and holds count, its waits cannot be timed); waits in the
 * short window between a request's look at the holder and the real acquisition; readers queued
 * behind a waiting writer when no writer holds the lock; holds and waits still open at the end.
 */
public final class ContentionProfiler extends EventVisitor {

    /** A lock held at least this long in total is reported even if nobody waited for it. */
    public static final long HOLD_CUT_NANOS = 1_000_000L;

    private static final int MAX_TID = (1 << 24) - 1;
    private static final VarHandle THREAD_SLOT = MethodHandles.arrayElementVarHandle(ThreadContention[].class);

    private final SymbolTable symbols;
    private final NanoClock clock;
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
        super(next);
        this.symbols = symbols;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
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
                if (t != null) t.clearCache(); // it has ended: let its last lock go
            }
        } finally {
            super.threadJoin(joiner, joined);
        }
    }

    // --- lock records ----------------------------------------------------------------------

    /** The record of {@code lock}'s exclusive or shared side, through the thread's one-entry cache. */
    private LockStats stats(ThreadContention t, Object lock, boolean shared) {
        if (t.cachedLock == lock && t.cachedShared == shared) return t.cachedStats;
        LockStats s = (shared ? sharedSides : exclusiveSides)
                .computeIfAbsent(lock, shared ? newSharedSide : newExclusiveSide);
        t.cachedLock = lock;
        t.cachedShared = shared;
        t.cachedStats = s;
        return s;
    }

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
        if (!shared && t.held.indexOf(lock, false) >= 0) return; // reentrant: never waits
        LockOwnership o = stats(t, lock, shared).ownership;
        long holder = o.holder();
        if (holder != 0 && LockOwnership.holderTid(holder) == tid) holder = 0;
        int readers = shared ? 0 : o.readers();
        boolean noPermits = shared && LockKinds.semaphoreBlocks(lock);
        if (holder == 0 && readers == 0 && !noPermits) return; // free: the fast path reads no clock
        t.pending.set(lock, clock.nanoTime(), site, holder, readers, o.lastReaderSite(), noPermits);
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
        int i = h.indexOf(lock, false);
        if (i >= 0) {
            if (h.suspended[i]) resume(tid, h, i); // taken back after wait/await: not a new acquisition
            else h.counts[i]++;                     // reentrant
            t.pending.clear();
            return;
        }
        LockStats s = stats(t, lock, false);
        long now = clock.nanoTime();
        PendingRequest p = t.pending;
        if (blocking && p.blocksExclusive(lock)) {
            s.waited(p.site, p.exclusiveBlamed(), now - p.since); // we hold the lock: serialised
            keep(s);
        }
        p.clear();
        s.acquiredAt(site);
        s.ownership.setHolder(tid, site);
        h.push(lock, s, site, now);
    }

    private void resume(int tid, HeldLocks h, int i) {
        h.suspended[i] = false;
        h.since[i] = clock.nanoTime();
        h.stats[i].ownership.setHolder(tid, h.sites[i]);
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
        int i = h.indexOf(lock, false);
        if (i < 0 || --h.counts[i] > 0) return;
        LockStats s = h.stats[i];
        if (h.suspended[i]) {
            s.held(h.sites[i], 1, 0);
        } else {
            s.ownership.clearHolder();
            endHold(s, h.sites[i], 1, clock.nanoTime() - h.since[i]);
        }
        h.remove(i);
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
        HeldLocks h = t.held;
        int i = h.indexOf(lock, false);
        long now = clock.nanoTime();
        t.waitLock = lock;
        t.waitSince = now;
        t.waitStats = i >= 0 ? h.stats[i] : stats(t, lock, false);
        if (i >= 0 && !h.suspended[i]) {
            LockStats s = h.stats[i];
            s.ownership.clearHolder();
            endHold(s, h.sites[i], 0, now - h.since[i]); // the same hold goes on after the wait
            h.suspended[i] = true;
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
        HeldLocks h = t.held;
        int i = h.indexOf(lock, false);
        if (i >= 0 && h.suspended[i]) resume(tid, h, i); // the taking back was not delivered
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
        long now = 0;
        if (p.blocksShared(lock)) {
            now = clock.nanoTime();
            synchronized (s) { // other holders of a shared side update it at the same time
                s.waited(p.site, p.otherHolder ? p.holderSite : -1, now - p.since);
            }
        }
        p.clear();
        s.takenAt(site);
        if (!s.readSide) { // a semaphore permit: an acquisition, no holder
            t.sharedTotals.add(SiteTotals.pair(s.sharedId, site), 1, 0);
            return;
        }
        HeldLocks h = t.held;
        int i = h.indexOf(lock, true);
        if (i >= 0) {
            h.counts[i]++;
            return;
        }
        if (now == 0) now = clock.nanoTime();
        t.sharedTotals.add(SiteTotals.pair(s.sharedId, site), 1, 0);
        s.ownership.readAcquired(site);
        h.push(lock, s, site, now);
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
        int i = h.indexOf(lock, true); // a semaphore is never there: permits have no holder
        if (i < 0 || --h.counts[i] > 0) return;
        LockStats s = h.stats[i];
        s.ownership.readReleased();
        t.sharedTotals.add(SiteTotals.pair(s.sharedId, h.sites[i]), 0, clock.nanoTime() - h.since[i]);
        h.remove(i);
    }

    @Override
    public void finish() {
        try {
            synchronized (kept) {
                if (!finished) {
                    finishNanos = clock.nanoTime();
                    addSharedTotals();
                    finished = true;
                }
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
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
