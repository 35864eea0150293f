package io.threadcheck.core.analyse.deadlock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the candidate cycles of the lock-order graph: every cycle over distinct locks whose
 * edges come from distinct threads, whose gate sets are pairwise disjoint (a common gate lock
 * serialises the threads), and where no edge's gate set holds a lock of the cycle (that thread
 * would hold a lock another step needs held by someone else).
 *
 * <p>A cycle lies within one strongly connected component of the graph, so edges between
 * components are dropped first (a program with a consistent lock order has no search at all).
 * Then a depth-first search from each lock as the smallest lock of its cycle, entering only
 * locks that can still lead back to it; iterative (cycles can be long), bounded by a number of
 * steps: past it the result is incomplete ({@link #truncated()}).
 */
final class CycleSearch {

    /** An edge with its locks as dense indexes, ordered like the lock ids. */
    private record Arc(LockEdge edge, int from, int to, int[] gates) implements Components.Arc {}

    private final WorkBudget work;
    private boolean truncated;

    CycleSearch(long steps) {
        this.work = new WorkBudget(steps);
    }

    boolean truncated() {
        return truncated;
    }

    /** The concrete cycles, each as its edges in cycle order starting at its smallest lock. */
    List<LockEdge[]> find(List<LockEdge> edges) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (LockEdge e : edges) {
            ids.add(e.from.id);
            ids.add(e.to.id);
            for (int g : e.gates) ids.add(g);
        }
        Map<Integer, Integer> dense = new HashMap<>();
        for (int id : ids) dense.put(id, dense.size());
        int n = dense.size();

        List<List<Arc>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) all.add(new ArrayList<>());
        for (LockEdge e : edges) { // edges come in detection order, and so does each adjacency list
            int[] gates = new int[e.gates.length];
            for (int k = 0; k < gates.length; k++) gates[k] = dense.get(e.gates[k]);
            int from = dense.get(e.from.id);
            all.get(from).add(new Arc(e, from, dense.get(e.to.id), gates));
        }
        int[] component = Components.of(all);
        List<List<Arc>> out = new ArrayList<>(n);
        List<List<Arc>> in = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
            in.add(new ArrayList<>());
        }
        for (List<Arc> arcs : all) {
            for (Arc a : arcs) {
                if (component[a.from] != component[a.to]) continue;
                out.get(a.from).add(a);
                in.get(a.to).add(a);
            }
        }

        List<LockEdge[]> cycles = new ArrayList<>();
        boolean[] onPath = new boolean[n];
        int[] gateUse = new int[n];
        Arc[] path = new Arc[Math.max(n, 1)];
        int[] cursor = new int[n + 1];
        int[] at = new int[n + 1];
        int[] leadsBack = new int[n]; // == start + 1 when the lock can reach start through locks >= start
        int[] distance = new int[n];  // then: fewest edges from the lock back to start
        int[] queue = new int[n];
        int threads = distinctThreads(edges); // a cycle has at most one edge per thread
        for (int start = 0; start < n && !truncated; start++) {
            if (out.get(start).isEmpty()) continue;
            if (!markLeadingBack(start, in, leadsBack, distance, queue)) break;
            int depth = 0;
            at[0] = start;
            cursor[0] = 0;
            onPath[start] = true;
            while (true) {
                List<Arc> arcs = out.get(at[depth]);
                if (cursor[depth] == arcs.size()) {         // this lock is done: step back
                    if (depth == 0) break;
                    depth--;
                    Arc back = path[depth];
                    onPath[back.to] = false;
                    for (int g : back.gates) gateUse[g]--;
                    continue;
                }
                Arc a = arcs.get(cursor[depth]++);
                if (!work.spend()) {
                    truncated = true;
                    break;
                }
                if (a.to < start || !admissible(a, path, depth, onPath, gateUse)) continue;
                if (a.to == start) {
                    if (depth >= 1) {
                        LockEdge[] cycle = new LockEdge[depth + 1];
                        for (int k = 0; k < depth; k++) cycle[k] = path[k].edge;
                        cycle[depth] = a.edge;
                        cycles.add(cycle);
                    }
                    continue;
                }
                if (onPath[a.to] || gateUse[a.to] > 0 || leadsBack[a.to] != start + 1) continue;
                if (depth + 1 + distance[a.to] > threads) continue; // too long to close with distinct threads
                path[depth] = a;
                for (int g : a.gates) gateUse[g]++;
                onPath[a.to] = true;
                depth++;
                at[depth] = a.to;
                cursor[depth] = 0;
            }
            // unwind whatever a truncated search left on the path
            for (int d = depth - 1; d >= 0; d--) {
                onPath[path[d].to] = false;
                for (int g : path[d].gates) gateUse[g]--;
            }
            onPath[start] = false;
        }
        return cycles;
    }

    /** Marks the locks >= start that reach start (backwards from it); false when out of steps. */
    private boolean markLeadingBack(int start, List<List<Arc>> in, int[] leadsBack, int[] distance, int[] queue) {
        int head = 0;
        int tail = 0;
        leadsBack[start] = start + 1;
        distance[start] = 0;
        queue[tail++] = start;
        while (head < tail) {
            int v = queue[head++];
            for (Arc a : in.get(v)) {
                if (!work.spend()) {
                    truncated = true;
                    return false;
                }
                if (a.from > start && leadsBack[a.from] != start + 1) {
                    leadsBack[a.from] = start + 1;
                    distance[a.from] = distance[v] + 1;
                    queue[tail++] = a.from;
                }
            }
        }
        return true;
    }

    private static int distinctThreads(List<LockEdge> edges) {
        java.util.HashSet<Integer> tids = new java.util.HashSet<>();
        for (LockEdge e : edges) tids.add(e.tid);
        return tids.size();
    }

    /** A new thread, and gates that meet neither the path's locks, nor its gates, nor the target. */
    private static boolean admissible(Arc a, Arc[] path, int depth, boolean[] onPath, int[] gateUse) {
        int tid = a.edge.tid;
        for (int k = 0; k < depth; k++) {
            if (path[k].edge.tid == tid) return false;
        }
        for (int g : a.gates) {
            if (onPath[g] || gateUse[g] > 0 || g == a.to) return false;
        }
        return true;
    }
}
