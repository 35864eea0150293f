package io.threadcheck.core.analyse.deadlock;

import io.threadcheck.core.record.Site;
import java.util.List;

/**
 * {@code to} was acquired, possibly after waiting, by thread {@code tid} while it held
 * {@code from} (taken at {@code heldSite}) and the {@code gates}: one edge of the lock-order
 * graph, kept once per (from, to, thread, sites) with the first occurrence's details.
 */
final class LockEdge {

    final LockNode from;
    final LockNode to;
    final int tid;
    final int heldSite;
    final int acquireSite;
    final int[] gates;          // ids of the other locks held, sorted
    final int position;         // the thread's sync position of the acquisition
    final List<Site> heldStack;
    final List<Site> acquireStack;
    final int order;            // detection order, for a stable report
    long count = 1;             // touched by its thread only

    LockEdge(LockNode from, LockNode to, int tid, int heldSite, int acquireSite, int[] gates, int position,
             List<Site> heldStack, List<Site> acquireStack, int order) {
        this.from = from;
        this.to = to;
        this.tid = tid;
        this.heldSite = heldSite;
        this.acquireSite = acquireSite;
        this.gates = gates;
        this.position = position;
        this.heldStack = heldStack;
        this.acquireStack = acquireStack;
        this.order = order;
    }

    boolean sharesGateWith(LockEdge other) {
        int i = 0, j = 0;
        while (i < gates.length && j < other.gates.length) {
            if (gates[i] == other.gates[j]) return true;
            if (gates[i] < other.gates[j]) i++;
            else j++;
        }
        return false;
    }

    boolean gatedBy(int lockId) {
        for (int g : gates) {
            if (g == lockId) return true;
        }
        return false;
    }
}
