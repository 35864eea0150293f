package io.threadcheck.core.analyse.deadlock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the cycles of the lock-order graph that could deadlock: over distinct locks, each edge
 * from another thread, no two edges sharing a gate lock (a lock both threads held, which keeps
 * them apart) and no edge gated by a lock of the cycle. A depth-first search from each lock
 * as the smallest lock of its cycle, so each cycle is found once; bounded by a work budget.
 */
final class CycleFinder {

    private final Map<Integer, List<LockEdge>> outgoing = new HashMap<>();
    private final List<List<LockEdge>> cycles = new ArrayList<>();
    private long budget;
    private boolean truncated;

    CycleFinder(List<LockEdge> edges, long budget) {
        this.budget = budget;
        for (LockEdge e : edges) {
            List<LockEdge> out = outgoing.get(e.from.id);
            if (out == null) outgoing.put(e.from.id, out = new ArrayList<>());
            out.add(e);
        }
    }

    /** Every cycle, each as its edges in order; stops early (see {@link #truncated}) past the budget. */
    List<List<LockEdge>> find() {
        List<Integer> starts = new ArrayList<>(outgoing.keySet());
        starts.sort(null);
        for (int start : starts) {
            if (truncated) break;
            search(start, start, new ArrayList<>());
        }
        return cycles;
    }

    /** True when the budget ran out before every cycle was found. */
    boolean truncated() {
        return truncated;
    }

    private void search(int start, int at, List<LockEdge> path) {
        List<LockEdge> out = outgoing.get(at);
        if (out == null) return;
        for (LockEdge e : out) {
            if (--budget < 0) {
                truncated = true;
                return;
            }
            if (e.to.id < start || !fits(e, path)) continue;
            path.add(e);
            if (e.to.id == start) {
                if (path.size() > 1 && noGateInCycle(path)) cycles.add(List.copyOf(path));
            } else if (!visits(path, e.to.id)) {
                search(start, e.to.id, path);
            }
            path.remove(path.size() - 1);
            if (truncated) return;
        }
    }

    /** A thread appears once; no two edges share a gate. */
    private static boolean fits(LockEdge e, List<LockEdge> path) {
        for (LockEdge p : path) {
            if (p.tid == e.tid || p.sharesGateWith(e)) return false;
        }
        return true;
    }

    /** Whether lock {@code id} is already a source on the path (a cycle visits each lock once). */
    private static boolean visits(List<LockEdge> path, int id) {
        for (LockEdge p : path) {
            if (p.from.id == id) return true;
        }
        return false;
    }

    private static boolean noGateInCycle(List<LockEdge> cycle) {
        for (LockEdge e : cycle) {
            for (LockEdge other : cycle) {
                if (e.gatedBy(other.from.id)) return false;
            }
        }
        return true;
    }
}
