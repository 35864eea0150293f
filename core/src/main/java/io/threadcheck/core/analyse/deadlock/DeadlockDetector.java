package io.threadcheck.core.analyse.deadlock;

import io.threadcheck.core.analyse.race.StackSource;
import io.threadcheck.core.record.EventVisitor;
import io.threadcheck.core.record.Site;
import io.threadcheck.core.record.SymbolTable;
import io.threadcheck.core.record.ThreadTable;
import io.threadcheck.core.report.DeadlockReport;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Predicts lock-order deadlocks from one run, including those that did not happen in it.
 *
 * <p>While the program runs: a lock-order graph (an edge L1 → L2 each time a thread blocks to
 * acquire L2 while holding L1, deduplicated per thread and sites, see {@link LockEdge}) and a
 * compact trace of the synchronisation (see {@link ThreadTrace}). At {@link #finish()}: the
 * candidate cycles ({@link CycleSearch}), each dropped when happens-before orders it, confirmed
 * when a sync-preserving reordering of the run reaches it ({@link CycleJudge}), and reported
 * once per cycle of sites ({@link CycleReports}).
 *
 * <p>What is an edge: blocking exclusive acquisitions ({@link #acquire}: monitors, mutex locks,
 * write locks) that are not reentrant. A successful {@code tryLock} ({@link #tryAcquire}) is a
 * held lock but no edge into it; shared acquisitions (read locks, semaphores) are no locks here.
 *
 * <p>Thread-safety follows the race detector: per-thread state touched by its own events, lock
 * sections written while the program holds the lock, shadow state of program objects in weak
 * identity maps, no program object locked, no program code run. The hot path allocates nothing
 * except on a lock's or location's first sight, a new edge, or a growing array.
 */
public final class DeadlockDetector extends EventVisitor {

    static final long DEFAULT_TRACE_ITEMS = 8_000_000L;
    static final int DEFAULT_MAX_EDGES = 100_000;
    static final long DEFAULT_SEARCH_STEPS = 1_000_000L;
    static final long DEFAULT_CLOSURE_STEPS = 50_000_000L;
    private static final int MAX_TID = 1 << 22;

    private static final VarHandle THREAD_SLOT = MethodHandles.arrayElementVarHandle(DeadlockThread[].class);

    private final SymbolTable symbols;
    private final ThreadTable threads;
    private final StackSource stacks;
    private final long searchSteps;
    private final long closureSteps;
    private final int maxEdges;

    private final LockNodes locks = new LockNodes();
    private final SyncLocations syncs = new SyncLocations();
    private final TraceBudget budget;
    private final AtomicInteger edgeCount = new AtomicInteger();
    private final AtomicLong edgeSeq = new AtomicLong();
    private volatile boolean edgesTruncated;
    private volatile boolean finished;

    private final Object threadGrowth = new Object();
    private volatile DeadlockThread[] threadStates = new DeadlockThread[64];

    private final Object results = new Object();
    private List<DeadlockReport> deadlocks = List.of(); // guarded by results
    private boolean searchTruncated;                   // guarded by results
    private boolean confirmationLimited;               // guarded by results

    public DeadlockDetector(EventVisitor next, SymbolTable symbols, ThreadTable threads, StackSource stacks) {
        this(next, symbols, threads, stacks, DEFAULT_TRACE_ITEMS, DEFAULT_MAX_EDGES, DEFAULT_SEARCH_STEPS,
                DEFAULT_CLOSURE_STEPS);
    }

    /** With explicit bounds: trace items, distinct edges, cycle-search steps, confirmation steps. */
    DeadlockDetector(EventVisitor next, SymbolTable symbols, ThreadTable threads, StackSource stacks,
                     long traceItems, int maxEdges, long searchSteps, long closureSteps) {
        super(next);
        this.symbols = symbols;
        this.threads = threads;
        this.stacks = stacks;
        this.budget = new TraceBudget(traceItems);
        this.maxEdges = maxEdges;
        this.searchSteps = searchSteps;
        this.closureSteps = closureSteps;
    }

    // --- results ---------------------------------------------------------------------------

    /** The predicted deadlocks, one per cycle of sites, in order of detection; empty before {@link #finish()}. */
    public List<DeadlockReport> deadlocks() {
        synchronized (results) {
            return deadlocks;
        }
    }

    /**
     * True when the lock graph (its bound on distinct edges) or the cycle search (its bound on
     * steps) was cut short: cycles beyond it are not reported.
     */
    public boolean searchTruncated() {
        synchronized (results) {
            return searchTruncated;
        }
    }

    /**
     * True when the trace budget ran out before the end of the run, or confirmation ran out of
     * steps: some cycles stay POTENTIAL that the whole trace might have confirmed or ruled out.
     */
    public boolean confirmationLimited() {
        synchronized (results) {
            return confirmationLimited;
        }
    }

    /**
     * Where thread {@code tid} took the lock it holds that the JVM identifies by
     * {@code identityHash} (as {@code ThreadMXBean} reports it; see {@link JvmLockIdentity}), or
     * null. For a deadlock that occurred: the JVM knows the frame, not the line.
     */
    public Site heldSite(int tid, int identityHash) {
        DeadlockThread t = existingThread(tid);
        if (t == null) return null;
        int site = t.held.siteOfJvmIdentity(identityHash);
        return site >= 0 && site < symbols.siteCount() ? symbols.siteAt(site) : null;
    }

    /** Distinct lock-order edges recorded so far. */
    public int edges() {
        return Math.min(edgeCount.get(), maxEdges);
    }

    // --- threads ---------------------------------------------------------------------------

    private DeadlockThread thread(int tid) {
        DeadlockThread[] a = threadStates;
        if (tid >= 0 && tid < a.length) {
            DeadlockThread t = (DeadlockThread) THREAD_SLOT.getAcquire(a, tid);
            if (t != null) return t;
        }
        return newThread(tid);
    }

    private DeadlockThread newThread(int tid) {
        if (tid < 0 || tid >= MAX_TID) return null;
        synchronized (threadGrowth) {
            DeadlockThread[] a = threadStates;
            if (tid >= a.length) a = Arrays.copyOf(a, Math.max(a.length * 2, tid + 1));
            DeadlockThread t = a[tid];
            if (t == null) {
                t = new DeadlockThread(tid, budget);
                THREAD_SLOT.setRelease(a, tid, t);
            }
            threadStates = a;
            return t;
        }
    }

    private DeadlockThread existingThread(int tid) {
        DeadlockThread[] a = threadStates;
        return tid >= 0 && tid < a.length ? (DeadlockThread) THREAD_SLOT.getAcquire(a, tid) : null;
    }

    @Override
    public void threadStart(int parent, int child) {
        try {
            if (!finished) {
                DeadlockThread p = thread(parent);
                DeadlockThread c = thread(child);
                if (p != null && c != null && p != c) {
                    int pos = p.pos++;
                    p.trace.recording();
                    c.startPos = pos;   // before parent: a reader that sees the parent sees the position
                    c.parent = parent;
                    p.trace.recorded(pos);
                }
            }
        } finally {
            super.threadStart(parent, child);
        }
    }

    @Override
    public void threadJoin(int joiner, int joined) {
        try {
            if (!finished) {
                DeadlockThread j = thread(joiner);
                DeadlockThread d = existingThread(joined);
                if (j != null) {
                    int pos = j.pos++;
                    // the joined thread has ended: its position is final, and join orders our read after it
                    if (d != null && d != j && j.trace.recording()) j.trace.join(pos, joined, d.pos);
                    j.trace.recorded(pos);
                }
            }
        } finally {
            super.threadJoin(joiner, joined);
        }
    }

    // --- locks -------------------------------------------------------------------------------

    @Override
    public void acquire(int tid, Object lock, int site) {
        try {
            if (!finished && lock != null) {
                DeadlockThread t = thread(tid);
                if (t != null) acquired(t, lock, site, true);
            }
        } finally {
            super.acquire(tid, lock, site);
        }
    }

    /** Held, and a section of the lock; but taken without waiting, so no edge leads into it. */
    @Override
    public void tryAcquire(int tid, Object lock, int site) {
        try {
            if (!finished && lock != null) {
                DeadlockThread t = thread(tid);
                if (t != null) acquired(t, lock, site, false);
            }
        } finally {
            super.tryAcquire(tid, lock, site);
        }
    }

    private void acquired(DeadlockThread t, Object lock, int site, boolean blocking) {
        int pos = t.pos++;
        boolean recording = t.trace.recording();
        HeldLocks held = t.held;
        int i = held.indexOf(lock);
        if (i >= 0) {
            held.setHolds(i, held.holds(i) + 1); // reentrant: no edge, same section
        } else {
            LockNode node = t.node(locks, lock);
            int holds = 1;
            if (t.waitingOn == lock) { // taken back after a wait: as many holds as it gave up
                holds = Math.max(1, t.waitHolds);
                t.waitingOn = null;
            }
            if (blocking && held.size() > 0) addEdges(t, node, site, pos);
            int section = recording ? t.trace.openSection(t.tid, node, pos) : -1;
            held.push(lock, node, holds, site, section);
        }
        t.trace.recorded(pos);
    }

    private void addEdges(DeadlockThread t, LockNode to, int site, int pos) {
        HeldLocks held = t.held;
        int all = 0;
        for (int j = 0; j < held.size(); j++) all += HeldLocks.mix(held.node(j).id);
        for (int j = 0; j < held.size(); j++) {
            int gateHash = all - HeldLocks.mix(held.node(j).id);
            LockEdge e = t.edges.find(held, j, to, site, gateHash);
            if (e != null) {
                e.seenAgain(pos);
                continue;
            }
            if (edgesTruncated) continue; // known edges still count their occurrences
            if (edgeCount.incrementAndGet() > maxEdges) {
                edgesTruncated = true;
                continue;
            }
            int heldSite = held.site(j);
            t.edges.add(new LockEdge(held.node(j), to, t.tid, heldSite, site, held.gates(j), gateHash, pos,
                    edgeSeq.getAndIncrement(), stack(t, heldSite, site)));
        }
    }

    /** The stack at a new edge, captured once per (held site, acquire site) of the thread. */
    private List<Site> stack(DeadlockThread t, int heldSite, int site) {
        Long key = ((long) heldSite << 32) | (site & 0xFFFFFFFFL);
        List<Site> known = t.stacksBySites.get(key);
        if (known != null) return known.isEmpty() ? null : known;
        List<Site> s = null;
        if (stacks != null) {
            try {
                s = stacks.currentStack(t.tid, site);
            } catch (RuntimeException ignored) {
                // a stack is a nicety: the edge keeps its sites
            }
        }
        if (s != null && (s.isEmpty() || hasNull(s))) s = null;
        if (s != null) s = List.copyOf(s);
        t.stacksBySites.put(key, s == null ? List.of() : s);
        return s;
    }

    private static boolean hasNull(List<Site> stack) {
        for (Site s : stack) {
            if (s == null) return true;
        }
        return false;
    }

    @Override
    public void release(int tid, Object lock, int site) {
        try {
            if (!finished && lock != null) {
                DeadlockThread t = thread(tid);
                if (t != null) released(t, lock);
            }
        } finally {
            super.release(tid, lock, site);
        }
    }

    private void released(DeadlockThread t, Object lock) {
        int pos = t.pos++;
        boolean recording = t.trace.recording();
        HeldLocks held = t.held;
        int i = held.indexOf(lock);
        if (i >= 0) {
            int holds = held.holds(i) - 1;
            if (t.waitingOn == lock) { // a wait gives up every hold at once
                t.waitHolds = held.holds(i);
                holds = 0;
            }
            if (holds > 0) {
                held.setHolds(i, holds);
            } else {
                int section = held.section(i);
                if (recording && section >= 0) held.node(i).close(section, pos);
                held.remove(i);
            }
        }
        t.trace.recorded(pos);
    }

    @Override
    public void waitStart(int tid, Object lock, int site) {
        try {
            if (!finished && lock != null) {
                DeadlockThread t = thread(tid);
                if (t != null) {
                    t.waitingOn = lock;
                    t.waitHolds = 0;
                }
            }
        } finally {
            super.waitStart(tid, lock, site);
        }
    }

    @Override
    public void waitEnd(int tid, Object lock, int site) {
        try {
            if (!finished) {
                DeadlockThread t = thread(tid);
                if (t != null && t.waitingOn == lock) t.waitingOn = null;
            }
        } finally {
            super.waitEnd(tid, lock, site);
        }
    }

    // --- other synchronisation ----------------------------------------------------------------

    @Override
    public void syncRelease(int tid, Object sync, int key, int site) {
        try {
            if (!finished) {
                DeadlockThread t = thread(tid);
                if (t != null) {
                    int pos = t.pos++;
                    if (t.trace.recording()) {
                        int cost = syncs.getOrCreate(sync, key).release(t.tid, pos);
                        if (cost > 0) t.trace.spend(cost);
                    }
                    t.trace.recorded(pos);
                }
            }
        } finally {
            super.syncRelease(tid, sync, key, site);
        }
    }

    @Override
    public void syncAcquire(int tid, Object sync, int key, int site) {
        try {
            if (!finished) {
                DeadlockThread t = thread(tid);
                if (t != null) {
                    int pos = t.pos++;
                    if (t.trace.recording()) {
                        // where nothing was ever released, an acquire orders nothing: no state
                        SyncLocation l = syncs.existing(sync, key);
                        if (l != null) t.trace.syncAcquire(pos, l, l.observe());
                    }
                    t.trace.recorded(pos);
                }
            }
        } finally {
            super.syncAcquire(tid, sync, key, site);
        }
    }

    // --- the end ------------------------------------------------------------------------------

    @Override
    public void finish() {
        try {
            if (!finished) {
                finished = true;
                budget.stop();
                analyse();
            }
        } catch (RuntimeException e) {
            // the races and the rest of the report must not be lost with the cycles
            System.err.println("threadcheck: the deadlock analysis failed, no cycles reported: " + e);
        } finally {
            super.finish();
        }
    }

    private void analyse() {
        DeadlockThread[] all = threadStates.clone();
        // the trace first: events still arriving from running threads stay outside it
        TraceSnapshot trace = new TraceSnapshot(all);
        List<LockEdge> edges = new ArrayList<>();
        for (DeadlockThread t : all) {
            if (t == null) continue;
            int n = t.edges.published();
            for (int i = 0; i < n; i++) edges.add(t.edges.get(i));
        }
        edges.sort(Comparator.comparingLong(e -> e.seq));

        CycleSearch search = new CycleSearch(searchSteps);
        List<LockEdge[]> cycles = search.find(edges);
        CycleJudge judge = new CycleJudge(trace, new WorkBudget(closureSteps));
        List<DeadlockReport> found = new CycleReports(symbols, threads).build(cycles, judge);
        synchronized (results) {
            deadlocks = List.copyOf(found);
            searchTruncated = edgesTruncated || search.truncated();
            confirmationLimited = budget.exhausted() || judge.limited();
        }
        if (edgesTruncated || search.truncated()) {
            System.err.println("threadcheck: the lock-order graph is too large to search completely;"
                    + " some potential deadlocks may be missing");
        }
        if (budget.exhausted()) {
            System.err.println("threadcheck: the synchronisation trace outgrew its budget; lock-order cycles"
                    + " that need the rest of the run are reported potential, neither confirmed nor ruled out");
        }
    }
}
