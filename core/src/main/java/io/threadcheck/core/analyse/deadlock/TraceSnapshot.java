package io.threadcheck.core.analyse.deadlock;

/**
 * The trace as the end of the run sees it: per thread what is completely recorded (threads
 * still running may go on; their later events are not part of it).
 */
final class TraceSnapshot {

    final int threadCount;
    private final DeadlockThread[] threads;
    final int[] recordedUpTo;
    final int[] parent;
    final int[] startPos;
    final int[] acquireCount;
    final int[] joinCount;
    final int[] sectionCount;

    TraceSnapshot(DeadlockThread[] all) {
        int n = all.length;
        this.threadCount = n;
        this.threads = all.clone();
        recordedUpTo = new int[n];
        parent = new int[n];
        startPos = new int[n];
        acquireCount = new int[n];
        joinCount = new int[n];
        sectionCount = new int[n];
        for (int t = 0; t < n; t++) {
            DeadlockThread d = threads[t];
            parent[t] = -1;
            if (d == null) continue;
            // first the recorded limit, then the counts: every record below the limit is counted
            recordedUpTo[t] = d.trace.recordedUpTo();
            int p = d.parent;
            parent[t] = p >= 0 && p < n ? p : -1;
            startPos[t] = d.startPos;
            acquireCount[t] = d.trace.acquires.published();
            joinCount[t] = d.trace.joins.published();
            sectionCount[t] = d.trace.sections.published();
        }
    }

    ThreadTrace trace(int tid) {
        DeadlockThread d = threads[tid];
        return d == null ? null : d.trace;
    }
}
