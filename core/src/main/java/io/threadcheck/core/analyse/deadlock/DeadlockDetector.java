package io.threadcheck.core.analyse.deadlock;

import io.threadcheck.core.analyse.race.StackSource;
import io.threadcheck.core.record.EventVisitor;
import io.threadcheck.core.record.Site;
import io.threadcheck.core.record.SymbolTable;
import io.threadcheck.core.record.ThreadTable;
import io.threadcheck.core.report.DeadlockReport;
import io.threadcheck.core.util.WeakIdentityMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Lock-order deadlock prediction. Online it keeps, per thread, the locks held, and builds the
 * lock-order graph: taking lock B (possibly after waiting; a tryLock cannot deadlock) while
 * holding A makes an edge A→B with the thread, both sites and stacks, and the other locks held
 * (gates). It also records a compact trace of the run's synchronisation (per thread numbered
 * events; per lock its critical sections; per non-lock location its releases; start and join)
 * for the end of the run, where every cycle that could deadlock ({@link CycleFinder}) is checked
 * against that trace ({@link Reordering}): a cycle ordered by happens-before (the second thread
 * started after the first was joined, a latch in between...) is dropped, one that a reordering of
 * the run reaches is CONFIRMED, the rest are POTENTIAL warnings.
 *
 * <p>The trace is bounded ({@link #TRACE_BUDGET} events in all); past it, recording stops and
 * the cycles found are reported POTENTIAL without the happens-before check.
 */
public final class DeadlockDetector extends EventVisitor {

    static final long TRACE_BUDGET = 16_000_000;
    private static final long SEARCH_BUDGET = 2_000_000;
    private static final int CHUNK = 4096;

    private final SymbolTable symbols;
    private final ThreadTable threadNames;
    private final StackSource stacks;

    private final WeakIdentityMap<Object, LockNode> nodes = new WeakIdentityMap<>(16);
    private final List<LockNode> nodeList = new ArrayList<>();           // guarded by itself
    private final WeakIdentityMap<Object, SyncLocation[]> objectLocations = new WeakIdentityMap<>(16);
    private final Map<Integer, SyncLocation> staticLocations = new HashMap<>(); // guarded by itself
    private final List<SyncLocation> locationList = new ArrayList<>();   // guarded by itself
    private final Object threadGrowth = new Object();
    private volatile ThreadLocks[] threads = new ThreadLocks[64];
    private final List<LockEdge> edges = new ArrayList<>();              // guarded by itself
    private final AtomicInteger edgeOrder = new AtomicInteger();
    private final AtomicLong traceLeft = new AtomicLong(TRACE_BUDGET);
    private volatile boolean traceComplete = true;

    private volatile List<DeadlockReport> found = List.of();
    private volatile boolean searchTruncated;

    public DeadlockDetector(EventVisitor next, SymbolTable symbols, ThreadTable threads, StackSource stacks) {
        super(next);
        this.symbols = symbols;
        this.threadNames = threads;
        this.stacks = stacks;
    }

    // --- results ---------------------------------------------------------------------------

    /** The cycles found, confirmed ones first; complete once the stream has finished. */
    public List<DeadlockReport> deadlocks() {
        return found;
    }

    /** True when the cycle search stopped at its budget: there may be cycles not reported. */
    public boolean searchTruncated() {
        return searchTruncated;
    }

    /** False when the trace outgrew its budget: cycles were then reported unchecked. */
    public boolean traceComplete() {
        return traceComplete;
    }

    /**
     * Where thread {@code tid} took the lock it holds whose identity hash is {@code identityHash}
     * (for a deadlock that occurred: the JVM does not know the line); null when unknown.
     */
    public Site heldSite(int tid, int identityHash) {
        ThreadLocks t = existing(tid);
        if (t == null) return null;
        LockNode[] held = t.held;
        int[] sites = t.heldSites;
        for (int i = Math.min(t.heldCount, held.length) - 1; i >= 0; i--) {
            LockNode n = held[i];
            if (n != null && n.identityHash == identityHash) return symbols.siteAt(sites[i]);
        }
        return null;
    }

    // --- events ----------------------------------------------------------------------------

    @Override
    public void acquire(int tid, Object lock, int site) {
        try {
            acquired(tid, lock, site, true);
        } finally {
            super.acquire(tid, lock, site);
        }
    }

    @Override
    public void tryAcquire(int tid, Object lock, int site) {
        try {
            acquired(tid, lock, site, false);
        } finally {
            super.tryAcquire(tid, lock, site);
        }
    }

    @Override
    public void release(int tid, Object lock, int site) {
        try {
            ThreadLocks t = thread(tid);
            if (t != null && lock != null) {
                LockNode node = nodes.get(lock);
                int i = node == null ? -1 : t.indexOf(node);
                if (i >= 0 && --t.holds[i] == 0) {
                    t.remove(i);
                    int position = t.position++;
                    if (record(t, 1)) node.closed(tid, position);
                }
            }
        } finally {
            super.release(tid, lock, site);
        }
    }

    @Override
    public void syncRelease(int tid, Object sync, int key, int site) {
        try {
            ThreadLocks t = thread(tid);
            if (t != null) {
                int position = t.position++;
                if (record(t, 2)) location(sync, key).released(tid, position);
            }
        } finally {
            super.syncRelease(tid, sync, key, site);
        }
    }

    @Override
    public void syncAcquire(int tid, Object sync, int key, int site) {
        try {
            ThreadLocks t = thread(tid);
            if (t != null) {
                int position = t.position++;
                SyncLocation l = existingLocation(sync, key);
                int seen = l == null ? 0 : l.releaseCount();
                // Seeing nothing, or nothing new since this thread last looked, adds no order.
                if (seen > 0 && (l.id != t.lastLocation || seen != t.lastSeen) && record(t, 3)) {
                    t.acquires.add(position);
                    t.acquires.add(l.id);
                    t.acquires.add(seen);
                    t.lastLocation = l.id;
                    t.lastSeen = seen;
                }
            }
        } finally {
            super.syncAcquire(tid, sync, key, site);
        }
    }

    @Override
    public void threadStart(int parent, int child) {
        try {
            ThreadLocks p = thread(parent);
            ThreadLocks c = thread(child);
            if (p != null && c != null && p != c) {
                c.parent = parent;
                c.parentPosition = p.position++;
            }
        } finally {
            super.threadStart(parent, child);
        }
    }

    @Override
    public void threadJoin(int joiner, int joined) {
        try {
            ThreadLocks j = thread(joiner);
            ThreadLocks d = thread(joined);
            if (j != null && d != null && j != d && record(j, 3)) {
                j.joins.add(j.position++);
                j.joins.add(joined);
                j.joins.add(d.position);
            }
        } finally {
            super.threadJoin(joiner, joined);
        }
    }

    @Override
    public void finish() {
        try {
            found = analyse();
        } catch (RuntimeException e) {
            System.err.println("threadcheck: the deadlock analysis failed, no cycles reported: " + e);
        } finally {
            super.finish();
        }
    }

    // --- the graph -------------------------------------------------------------------------

    private void acquired(int tid, Object lock, int site, boolean mayWait) {
        ThreadLocks t = thread(tid);
        if (t == null || lock == null) return;
        LockNode node = node(lock);
        int i = t.indexOf(node);
        if (i >= 0) {
            t.holds[i]++; // reentrant: no edge, no new section
            return;
        }
        int position = t.position++;
        if (mayWait) {
            for (int h = 0; h < t.heldCount; h++) edge(t, h, node, site, position);
        }
        t.push(node, site);
        if (record(t, 3)) node.opened(tid, position);
    }

    private void edge(ThreadLocks t, int heldIndex, LockNode to, int site, int position) {
        LockNode from = t.held[heldIndex];
        int heldSite = t.heldSites[heldIndex];
        ThreadLocks.EdgeKey key = new ThreadLocks.EdgeKey(from.id, to.id, heldSite, site);
        LockEdge known = t.edges.get(key);
        if (known != null) {
            known.count++;
            return;
        }
        List<Site> acquireStack = stacks.currentStack(t.tid, site);
        Site acquireAt = symbols.siteAt(site);
        if (acquireStack == null || acquireStack.isEmpty()) acquireStack = List.of(acquireAt);
        LockEdge e = new LockEdge(from, to, t.tid, heldSite, site, t.gatesExcept(heldIndex), position,
                heldStack(symbols.siteAt(heldSite), acquireStack), acquireStack, edgeOrder.getAndIncrement());
        t.edges.put(key, e);
        synchronized (edges) {
            edges.add(e);
        }
    }

    /**
     * The held lock's stack: its site, then the frames below the frame that took it, when that
     * frame (same class and method) is still on the acquiring stack; else its site alone.
     */
    private static List<Site> heldStack(Site held, List<Site> acquireStack) {
        for (int i = 0; i < acquireStack.size(); i++) {
            Site f = acquireStack.get(i);
            if (f.className().equals(held.className()) && f.method().equals(held.method())) {
                List<Site> out = new ArrayList<>();
                out.add(held);
                out.addAll(acquireStack.subList(i + 1, acquireStack.size()));
                return out;
            }
        }
        return List.of(held);
    }

    private LockNode node(Object lock) {
        LockNode n = nodes.get(lock);
        if (n != null) return n;
        return nodes.computeIfAbsent(lock, new Function<Object, LockNode>() {
            @Override
            public LockNode apply(Object l) {
                synchronized (nodeList) {
                    LockNode made = new LockNode(nodeList.size(), l);
                    nodeList.add(made);
                    return made;
                }
            }
        });
    }

    // --- the trace -------------------------------------------------------------------------

    /** Claims room for {@code items} more trace entries; false (and recording ends) past the budget. */
    private boolean record(ThreadLocks t, int items) {
        if (!traceComplete) return false;
        t.traceLeft -= items;
        if (t.traceLeft >= 0) return true;
        if (traceLeft.addAndGet(-CHUNK) >= 0) {
            t.traceLeft += CHUNK;
            return true;
        }
        traceComplete = false;
        return false;
    }

    private SyncLocation location(Object sync, int key) {
        if (sync == null) {
            synchronized (staticLocations) {
                SyncLocation l = staticLocations.get(key);
                if (l == null) staticLocations.put(key, l = newLocation());
                return l;
            }
        }
        SyncLocation[] table = objectLocations.get(sync);
        if (table == null) {
            table = objectLocations.computeIfAbsent(sync, new Function<Object, SyncLocation[]>() {
                @Override
                public SyncLocation[] apply(Object o) {
                    return new SyncLocation[] {null};
                }
            });
        }
        synchronized (table) {
            // table[0] is the holder of the per-key list: one object, few keys.
            SyncLocation head = table[0];
            for (SyncLocation l = head; l != null; l = l.next) {
                if (l.key == key) return l;
            }
            SyncLocation made = newLocation();
            made.key = key;
            made.next = head;
            table[0] = made;
            return made;
        }
    }

    private SyncLocation existingLocation(Object sync, int key) {
        if (sync == null) {
            synchronized (staticLocations) {
                return staticLocations.get(key);
            }
        }
        SyncLocation[] table = objectLocations.get(sync);
        if (table == null) return null;
        synchronized (table) {
            for (SyncLocation l = table[0]; l != null; l = l.next) {
                if (l.key == key) return l;
            }
        }
        return null;
    }

    private SyncLocation newLocation() {
        synchronized (locationList) {
            SyncLocation l = new SyncLocation(locationList.size());
            locationList.add(l);
            return l;
        }
    }

    // --- threads ---------------------------------------------------------------------------

    private ThreadLocks existing(int tid) {
        ThreadLocks[] a = threads;
        return tid >= 0 && tid < a.length ? a[tid] : null;
    }

    private ThreadLocks thread(int tid) {
        ThreadLocks t = existing(tid);
        if (t != null || tid < 0) return t;
        synchronized (threadGrowth) {
            ThreadLocks[] a = threads;
            if (tid >= a.length) a = Arrays.copyOf(a, Math.max(a.length * 2, tid + 1));
            if (a[tid] == null) a[tid] = new ThreadLocks(tid);
            threads = a; // volatile write publishes the new state with the array
            return a[tid];
        }
    }

    // --- the end of the run ----------------------------------------------------------------

    private List<DeadlockReport> analyse() {
        List<LockEdge> all;
        synchronized (edges) {
            all = new ArrayList<>(edges);
        }
        if (all.size() < 2) return List.of();
        CycleFinder finder = new CycleFinder(all, SEARCH_BUDGET);
        List<List<LockEdge>> cycles = finder.find();
        searchTruncated = finder.truncated();
        if (searchTruncated) {
            System.err.println("threadcheck: the lock-order graph is too large to search completely;"
                    + " some potential deadlocks may be missing");
        }
        Reordering reordering = null;
        if (traceComplete) {
            List<LockNode> locks;
            synchronized (nodeList) {
                locks = new ArrayList<>(nodeList);
            }
            List<SyncLocation> locations;
            synchronized (locationList) {
                locations = new ArrayList<>(locationList);
            }
            reordering = new Reordering(threads, locks, locations);
        }
        // One report per sequence of sites (rotation-normalised), counting the concrete cycles.
        Map<String, DeadlockReport> bySites = new LinkedHashMap<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        for (List<LockEdge> cycle : cycles) {
            Reordering.Verdict verdict = reordering == null ? Reordering.Verdict.UNCONFIRMED : reordering.check(cycle);
            if (verdict == Reordering.Verdict.ORDERED) continue;
            List<LockEdge> ordered = rotateToFirst(cycle);
            String key = siteKey(ordered);
            DeadlockReport.Status status = verdict == Reordering.Verdict.CONFIRMED
                    ? DeadlockReport.Status.CONFIRMED : DeadlockReport.Status.POTENTIAL;
            DeadlockReport known = bySites.get(key);
            if (known == null) {
                bySites.put(key, report(ordered, status, 1));
                firstSeen.put(key, firstOrder(ordered));
            } else {
                // A confirmed concrete cycle confirms the report of its sites.
                DeadlockReport.Status best = known.status() == DeadlockReport.Status.CONFIRMED ? known.status() : status;
                bySites.put(key, new DeadlockReport(best, known.cycle(), known.count() + 1));
            }
        }
        List<String> keys = new ArrayList<>(bySites.keySet());
        keys.sort(new Comparator<String>() {
            @Override
            public int compare(String a, String b) {
                int byStatus = bySites.get(a).status().compareTo(bySites.get(b).status());
                return byStatus != 0 ? byStatus : Integer.compare(firstSeen.get(a), firstSeen.get(b));
            }
        });
        List<DeadlockReport> out = new ArrayList<>();
        for (String k : keys) out.add(bySites.get(k));
        return List.copyOf(out);
    }

    /** The cycle starting at its earliest-detected edge, so the same cycle always reads the same. */
    private static List<LockEdge> rotateToFirst(List<LockEdge> cycle) {
        int first = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (siteOrder(cycle.get(i)) < siteOrder(cycle.get(first))) first = i;
        }
        List<LockEdge> out = new ArrayList<>(cycle.size());
        for (int i = 0; i < cycle.size(); i++) out.add(cycle.get((first + i) % cycle.size()));
        return out;
    }

    /** Sites are registered in load order: a stable order of the code, unlike detection order. */
    private static long siteOrder(LockEdge e) {
        return ((long) e.acquireSite << 32) | (e.heldSite & 0xffffffffL);
    }

    private static String siteKey(List<LockEdge> cycle) {
        StringBuilder sb = new StringBuilder();
        for (LockEdge e : cycle) sb.append(e.heldSite).append('>').append(e.acquireSite).append(';');
        return sb.toString();
    }

    private static int firstOrder(List<LockEdge> cycle) {
        int min = Integer.MAX_VALUE;
        for (LockEdge e : cycle) min = Math.min(min, e.order);
        return min;
    }

    private DeadlockReport report(List<LockEdge> cycle, DeadlockReport.Status status, long count) {
        List<DeadlockReport.Step> steps = new ArrayList<>();
        for (LockEdge e : cycle) {
            steps.add(new DeadlockReport.Step(threadNames.name(e.tid), e.tid,
                    e.from.name, symbols.siteAt(e.heldSite), e.heldStack,
                    e.to.name, symbols.siteAt(e.acquireSite), e.acquireStack));
        }
        return new DeadlockReport(status, steps, count);
    }
}
