package io.threadcheck.core.analyse.deadlock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what the observed run says about one candidate cycle, step i being thread t_i
 * acquiring at position p_i:
 * <ul>
 *   <li>{@link Verdict#ORDERED}: the acquisition of some step happens-before the state another
 *       step is in (the second thread started after the first was joined, a latch between them):
 *       the cycle cannot close, no report;</li>
 *   <li>{@link Verdict#CONFIRMED}: the sync-preserving closure of the steps' prefixes leaves
 *       every acquisition out, so a correct reordering of the run reaches all the steps at once
 *       holding their locks: the deadlock;</li>
 *   <li>{@link Verdict#POTENTIAL}: neither.</li>
 * </ul>
 *
 * <p>An edge is kept with its first and its last occurrence; the cycle is ordered only when
 * every combination of them is (all combinations up to {@link #MAX_SPLIT_STEPS} steps with two
 * occurrences, else the all-first and all-last ones). Happens-before closures of single steps
 * are cached: the closure of several prefixes is the union of theirs, so ordering is a pairwise
 * check. The trace end and the work budget only ever leave a cycle POTENTIAL
 * ({@link #limited()}).
 */
final class CycleJudge {

    enum Verdict { ORDERED, POTENTIAL, CONFIRMED }

    static final int MAX_SPLIT_STEPS = 8;
    /** Sync-preserving attempts per cycle (each may cost a pass over much of the trace). */
    static final int MAX_CONFIRM_ATTEMPTS = 4;

    /** A happens-before closure of one step's prefix: frontiers of the threads it reaches, by tid. */
    private record Frontier(int[] tids, int[] positions) {
        int of(int tid) {
            int i = Arrays.binarySearch(tids, tid);
            return i >= 0 ? positions[i] : 0;
        }
    }

    private final TraceClosure closure;
    private final Map<Long, Frontier> frontiers = new HashMap<>();
    private boolean limited;

    CycleJudge(TraceSnapshot trace, WorkBudget work) {
        this.closure = new TraceClosure(trace, work);
    }

    /** True when some verdict may be weaker than the full trace and budget would have given. */
    boolean limited() {
        return limited;
    }

    /** @param tryConfirm false when a cycle with the same sites is already confirmed (saves the work) */
    Verdict judge(LockEdge[] cycle, boolean tryConfirm) {
        int k = cycle.length;
        int[] tids = new int[k];
        int[] first = new int[k];
        int[] last = new int[k];
        List<Integer> split = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            tids[i] = cycle[i].tid;
            first[i] = cycle[i].firstPos;
            last[i] = Math.max(cycle[i].lastPos(), first[i]);
            if (last[i] != first[i]) split.add(i);
        }
        List<int[]> unordered = new ArrayList<>();
        if (split.size() <= MAX_SPLIT_STEPS) {
            for (int mask = 0; mask < (1 << split.size()); mask++) {
                int[] pos = first.clone();
                for (int b = 0; b < split.size(); b++) {
                    if ((mask & (1 << b)) != 0) pos[split.get(b)] = last[split.get(b)];
                }
                if (!ordered(tids, pos)) unordered.add(pos);
            }
        } else {
            if (!ordered(tids, first)) unordered.add(first);
            if (!ordered(tids, last)) unordered.add(last);
        }
        if (unordered.isEmpty()) return Verdict.ORDERED;
        if (!tryConfirm) return Verdict.POTENTIAL;
        for (int a = 0; a < unordered.size() && a < MAX_CONFIRM_ATTEMPTS; a++) {
            if (confirmed(tids, unordered.get(a))) return Verdict.CONFIRMED;
        }
        return Verdict.POTENTIAL;
    }

    /** Some step's acquisition is in the happens-before closure of another step's prefix. */
    private boolean ordered(int[] tids, int[] pos) {
        for (int i = 0; i < tids.length; i++) {
            Frontier f = frontier(tids[i], pos[i]);
            for (int j = 0; j < tids.length; j++) {
                if (j != i && f.of(tids[j]) > pos[j]) return true;
            }
        }
        return false;
    }

    private Frontier frontier(int tid, int pos) {
        long key = ((long) tid << 32) | (pos & 0xFFFFFFFFL);
        Frontier f = frontiers.get(key);
        if (f != null) return f;
        closure.reset(false);
        closure.seed(tid, pos);
        closure.run();
        // a closure cut short by the trace end or the budget is still a lower bound: safe to order by
        if (closure.outOfWork() || closure.beyondTrace()) limited = true;
        int m = closure.touchedCount();
        int[] ts = new int[m];
        for (int i = 0; i < m; i++) ts[i] = closure.touchedThread(i);
        Arrays.sort(ts);
        int[] ps = new int[m];
        for (int i = 0; i < m; i++) ps[i] = closure.frontier(ts[i]);
        f = new Frontier(ts, ps);
        frontiers.put(key, f);
        return f;
    }

    private boolean confirmed(int[] tids, int[] pos) {
        closure.reset(true);
        for (int i = 0; i < tids.length; i++) closure.watch(tids[i], pos[i]);
        for (int i = 0; i < tids.length; i++) closure.seed(tids[i], pos[i]);
        closure.run();
        if (closure.watchExceeded() || closure.infeasible()) return false;
        if (closure.outOfWork() || closure.beyondTrace()) {
            limited = true;
            return false;
        }
        return true;
    }
}
