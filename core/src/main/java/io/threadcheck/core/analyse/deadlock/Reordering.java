package io.threadcheck.core.analyse.deadlock;

import java.util.List;

/**
 * Decides whether another order of the observed run can reach a candidate deadlock, in the
 * manner of sync-preserving deadlock prediction (Tunç, Mathur, Pavlogiannis, Viswanathan: PLDI
 * 2023): the events that must come before the threads' blocking acquisitions are closed under
 * thread order, fork and join, and every non-lock synchronisation an acquire observed; the
 * cycle is ordered by happens-before when that closure already contains one of the
 * acquisitions. Otherwise critical sections of a lock are then kept in their observed order
 * (of two in the closure, the earlier must be complete), which is what makes a reordering
 * feasible without looking at the data; if the acquisitions stay outside, the deadlock is
 * confirmed. Data dependencies through plain fields are not followed (they are races, and
 * reported as such).
 */
final class Reordering {

    enum Verdict { ORDERED, UNCONFIRMED, CONFIRMED }

    private final ThreadLocks[] threads;
    private final List<LockNode> locks;
    private final List<SyncLocation> locations;

    Reordering(ThreadLocks[] threads, List<LockNode> locks, List<SyncLocation> locations) {
        this.threads = threads;
        this.locks = locks;
        this.locations = locations;
    }

    Verdict check(List<LockEdge> cycle) {
        int[] frontier = new int[threads.length];
        for (LockEdge e : cycle) frontier[e.tid] = Math.max(frontier[e.tid], e.position);
        Closure c = new Closure(frontier);
        c.close(false);
        if (reached(cycle, frontier)) return Verdict.ORDERED;
        c.close(true);
        return reached(cycle, frontier) ? Verdict.UNCONFIRMED : Verdict.CONFIRMED;
    }

    private static boolean reached(List<LockEdge> cycle, int[] frontier) {
        for (LockEdge e : cycle) {
            if (frontier[e.tid] > e.position) return true;
        }
        return false;
    }

    /** Per thread the number of its first events in the set; the set grows until closed. */
    private final class Closure {
        final int[] frontier;
        final int[] acquireCursor;
        final int[] joinCursor;
        final int[] releasesDone;

        Closure(int[] frontier) {
            this.frontier = frontier;
            this.acquireCursor = new int[threads.length];
            this.joinCursor = new int[threads.length];
            this.releasesDone = new int[locations.size()];
        }

        void close(boolean keepLockOrder) {
            boolean changed = true;
            while (changed) {
                changed = closeTrace();
                if (keepLockOrder) changed |= keepLockOrder();
            }
        }

        private boolean grow(int tid, int count) {
            if (tid < 0 || tid >= frontier.length || frontier[tid] >= count) return false;
            frontier[tid] = count;
            return true;
        }

        /** Thread order, fork, join and observed releases, to a fixpoint. */
        private boolean closeTrace() {
            boolean any = false;
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int t = 0; t < threads.length; t++) {
                    ThreadLocks th = threads[t];
                    if (th == null || frontier[t] == 0) continue;
                    if (th.parent >= 0) changed |= grow(th.parent, th.parentPosition + 1);
                    IntList acq = th.acquires;
                    while (acquireCursor[t] < acq.size() && acq.get(acquireCursor[t]) < frontier[t]) {
                        int loc = acq.get(acquireCursor[t] + 1);
                        int seen = acq.get(acquireCursor[t] + 2);
                        acquireCursor[t] += 3;
                        if (loc >= releasesDone.length) continue;
                        SyncLocation l = locations.get(loc);
                        while (releasesDone[loc] < seen) {
                            int i = releasesDone[loc]++;
                            changed |= grow(l.releases.get(2 * i), l.releases.get(2 * i + 1) + 1);
                        }
                    }
                    IntList joins = th.joins;
                    while (joinCursor[t] < joins.size() && joins.get(joinCursor[t]) < frontier[t]) {
                        changed |= grow(joins.get(joinCursor[t] + 1), joins.get(joinCursor[t] + 2));
                        joinCursor[t] += 3;
                    }
                }
                any |= changed;
            }
            return any;
        }

        /** Of the critical sections of a lock in the set, all but the last must be complete. */
        private boolean keepLockOrder() {
            boolean changed = false;
            for (LockNode lock : locks) {
                IntList s = lock.sections;
                int last = -1;
                for (int i = s.size() - 3; i >= 0; i -= 3) {
                    if (in(s.get(i), s.get(i + 1))) {
                        last = i;
                        break;
                    }
                }
                for (int i = 0; i < last; i += 3) {
                    int tid = s.get(i);
                    if (in(tid, s.get(i + 1)) && s.get(i + 2) != LockNode.OPEN) {
                        changed |= grow(tid, s.get(i + 2) + 1);
                    }
                }
            }
            return changed;
        }

        private boolean in(int tid, int position) {
            return tid >= 0 && tid < frontier.length && position < frontier[tid];
        }
    }
}
