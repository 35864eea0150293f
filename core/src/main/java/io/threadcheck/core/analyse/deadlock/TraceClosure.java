package io.threadcheck.core.analyse.deadlock;

import java.util.Arrays;

/**
 * The smallest set S of events that contains given prefixes of some threads and is closed
 * under the orders a reordering of the run must keep. S is a frontier per thread: positions
 * below {@code frontier[t]} are in S.
 *
 * <p>Happens-before rules: program order (a frontier is a prefix); a sync acquire in S brings
 * in every release it saw; a thread with any event in S brings in its parent's start; a join
 * in S brings in all of the joined thread. Lock release → acquire is deliberately not one of
 * them: reordering critical sections is what prediction is about.
 *
 * <p>Sync-preserving rule (SPDOffline, Tunç et al., PLDI 2023), when asked: for each lock,
 * among its critical sections whose acquire is in S, all but the last in trace order have
 * their release in S. A closed S is a prefix of a correct reordering of the run in which the
 * open sections are exactly the last ones of their locks.
 *
 * <p>Amortised: cursors over each thread's records, each location's releases and each lock's
 * sections only move forward within one computation; a computation is reset in time
 * proportional to the threads it touched.
 */
final class TraceClosure {

    private final TraceSnapshot trace;
    private final WorkBudget work;
    private final int n;

    private final int[] frontier;
    private final int[] acquireCursor;
    private final int[] joinCursor;
    private final int[] sectionCursor;
    private final int[] watch;
    private final boolean[] touched;
    private int[] touchedList = new int[16];
    private int touchedCount;
    private final boolean[] queued;
    private final int[] queue;
    private int head;
    private int tail;
    private int stamp;

    private boolean syncPreserving;
    private boolean infeasible;
    private boolean watchExceeded;
    private boolean beyondTrace;
    private boolean outOfWork;

    TraceClosure(TraceSnapshot trace, WorkBudget work) {
        this.trace = trace;
        this.work = work;
        this.n = trace.threadCount;
        frontier = new int[n];
        acquireCursor = new int[n];
        joinCursor = new int[n];
        sectionCursor = new int[n];
        watch = new int[n];
        Arrays.fill(watch, Integer.MAX_VALUE);
        touched = new boolean[n];
        queued = new boolean[n];
        queue = new int[n + 1];
    }

    /** Starts a new computation. */
    void reset(boolean syncPreserving) {
        for (int i = 0; i < touchedCount; i++) {
            int t = touchedList[i];
            frontier[t] = 0;
            acquireCursor[t] = 0;
            joinCursor[t] = 0;
            sectionCursor[t] = 0;
            watch[t] = Integer.MAX_VALUE;
            touched[t] = false;
            queued[t] = false;
        }
        touchedCount = 0;
        head = tail = 0;
        stamp++;
        this.syncPreserving = syncPreserving;
        infeasible = watchExceeded = beyondTrace = outOfWork = false;
    }

    /** Fails the computation as soon as {@code tid}'s frontier passes {@code limit}. */
    void watch(int tid, int limit) {
        if (tid < 0 || tid >= n) return;
        touch(tid);
        watch[tid] = limit;
    }

    /** Puts positions below {@code pos} of {@code tid} into S. */
    void seed(int tid, int pos) {
        raise(tid, pos);
    }

    /** Closes S under the rules; stops early once it failed (a watch passed, an impossible release, no work left). */
    void run() {
        while (head != tail && !stopped()) {
            int t = queue[head];
            head = head + 1 == queue.length ? 0 : head + 1;
            queued[t] = false;
            process(t);
        }
    }

    private boolean stopped() {
        if (outOfWork) return true;
        return syncPreserving && (infeasible || watchExceeded || beyondTrace);
    }

    int frontier(int tid) {
        return tid >= 0 && tid < n ? frontier[tid] : 0;
    }

    int touchedCount() {
        return touchedCount;
    }

    int touchedThread(int i) {
        return touchedList[i];
    }

    /** S needs a release that never happened (a section still open at the end of the trace). */
    boolean infeasible() {
        return infeasible;
    }

    boolean watchExceeded() {
        return watchExceeded;
    }

    /** S reaches events that are not completely recorded: it is only a lower bound. */
    boolean beyondTrace() {
        return beyondTrace;
    }

    /** The work budget ran out: S is only a lower bound. */
    boolean outOfWork() {
        return outOfWork;
    }

    // --- rules --------------------------------------------------------------------------------

    private void touch(int t) {
        if (touched[t]) return;
        touched[t] = true;
        if (touchedCount == touchedList.length) touchedList = Arrays.copyOf(touchedList, touchedCount * 2);
        touchedList[touchedCount++] = t;
    }

    /** Counts one step of work; false (and the computation stops) when none is left. */
    private boolean step() {
        if (work.spend()) return true;
        outOfWork = true;
        return false;
    }

    private void raise(int t, int pos) {
        if (t < 0 || t >= n || pos <= frontier[t] || !step()) return;
        touch(t);
        frontier[t] = pos;
        if (pos > watch[t]) watchExceeded = true;
        if (pos > trace.recordedUpTo[t]) beyondTrace = true;
        if (!queued[t]) {
            queued[t] = true;
            queue[tail] = t;
            tail = tail + 1 == queue.length ? 0 : tail + 1;
        }
    }

    /** Applies the rules to the events of {@code t} newly in S (a raise of t's own frontier queues it again). */
    private void process(int t) {
        int parent = trace.parent[t];
        if (parent >= 0 && frontier[t] > 0) raise(parent, trace.startPos[t] + 1);
        ThreadTrace tt = trace.trace(t);
        if (tt == null) return;
        int limit = Math.min(frontier[t], trace.recordedUpTo[t]);
        TraceRecords acquires = tt.acquires;
        while (acquireCursor[t] < trace.acquireCount[t] && acquires.get(acquireCursor[t], 0) < limit) {
            int r = acquireCursor[t]++;
            if (!step()) return;
            releasesSeen((SyncLocation) acquires.ref(r), acquires.get(r, 1));
            if (stopped()) return;
        }
        TraceRecords joins = tt.joins;
        while (joinCursor[t] < trace.joinCount[t] && joins.get(joinCursor[t], 0) < limit) {
            int r = joinCursor[t]++;
            if (!step()) return;
            raise(joins.get(r, 1), joins.get(r, 2));
            if (stopped()) return;
        }
        if (syncPreserving) {
            TraceRecords sections = tt.sections;
            while (sectionCursor[t] < trace.sectionCount[t] && sections.get(sectionCursor[t], 0) < limit) {
                int r = sectionCursor[t]++;
            if (!step()) return;
                entered((LockNode) sections.ref(r), sections.get(r, 1));
                if (stopped()) return;
            }
        }
    }

    private void releasesSeen(SyncLocation l, int seen) {
        if (l.closureStamp != stamp) {
            l.closureStamp = stamp;
            l.closureCursor = 0;
        }
        int upTo = Math.min(seen, l.releaseCount());
        while (l.closureCursor < upTo) {
            int i = l.closureCursor++;
            if (!step()) return;
            raise(l.releaseThread(i), l.releasePos(i) + 1);
        }
    }

    private void entered(LockNode lock, int section) {
        if (lock.closureStamp != stamp) {
            lock.closureStamp = stamp;
            lock.closureLast = -1;
        }
        int last = lock.closureLast;
        if (section < last) {
            released(lock, section);
        } else if (section > last) {
            if (last >= 0) released(lock, last);
            lock.closureLast = section;
        }
    }

    private void released(LockNode lock, int section) {
        int rel = lock.sectionRelease(section);
        if (rel == LockNode.OPEN) infeasible = true;
        else raise(lock.sectionThread(section), rel + 1);
    }
}
