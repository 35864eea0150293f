package io.threadcheck.agent;

import io.threadcheck.core.record.Recorder;
import io.threadcheck.core.record.Site;
import io.threadcheck.core.report.DeadlockReport;
import io.threadcheck.core.util.ObjectNames;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds deadlocks that really happened: every period it asks the JVM for threads blocked for
 * good on monitors and ownable synchronizers ({@link ThreadMXBean#findDeadlockedThreads}), and
 * turns each cycle into a {@link DeadlockReport} with status OCCURRED. A daemon thread of ours
 * that takes no lock the program can see; a cycle is reported once.
 */
final class DeadlockWatchdog implements Runnable {

    /** Told of each new deadlock, on the watchdog's thread. */
    interface Listener {
        void deadlocked(DeadlockReport deadlock);
    }

    /** Where a thread took a lock it holds, as the analyses know it (the JVM does not know the line). */
    interface HeldSites {
        /** The site, or null when unknown; {@code tid} is threadcheck's id of the thread. */
        Site heldSite(int tid, int identityHash);
    }

    private final long periodMillis;
    private final Recorder recorder;
    private final Listener listener;
    private final HeldSites heldSites;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Set<Set<Long>> seen = new HashSet<>();
    private final List<DeadlockReport> found = new ArrayList<>(); // guarded by itself

    DeadlockWatchdog(long periodMillis, Recorder recorder, HeldSites heldSites, Listener listener) {
        this.periodMillis = periodMillis;
        this.recorder = recorder;
        this.heldSites = heldSites;
        this.listener = listener;
    }

    /** Starts watching on a daemon thread. */
    void start() {
        Thread t = new Thread(this, "threadcheck-watchdog");
        t.setDaemon(true);
        t.start();
    }

    /** The deadlocks found so far, in the order found. */
    List<DeadlockReport> found() {
        synchronized (found) {
            return List.copyOf(found);
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                Thread.sleep(periodMillis);
                check();
            }
        } catch (InterruptedException e) {
            // asked to stop
        } catch (Throwable e) {
            System.err.println("threadcheck: the deadlock watchdog stopped (the program goes on): " + e);
        }
    }

    /** One look for deadlocked threads. */
    void check() {
        long[] ids = threads.findDeadlockedThreads();
        if (ids == null) return;
        Map<Long, ThreadInfo> byId = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(ids, true, true)) {
            if (info != null) byId.put(info.getThreadId(), info);
        }
        for (List<ThreadInfo> cycle : cycles(byId)) {
            Set<Long> members = new HashSet<>();
            for (ThreadInfo t : cycle) members.add(t.getThreadId());
            if (!seen.add(members)) continue;
            DeadlockReport report = report(cycle);
            synchronized (found) {
                found.add(report);
            }
            listener.deadlocked(report);
        }
    }

    /**
     * The cycles among the blocked threads, each in order: a thread, then the owner of the lock it
     * waits for, and so on. Threads merely blocked behind a cycle are left out.
     */
    private static List<List<ThreadInfo>> cycles(Map<Long, ThreadInfo> byId) {
        List<List<ThreadInfo>> out = new ArrayList<>();
        Set<Long> done = new HashSet<>();
        for (ThreadInfo start : byId.values()) {
            List<ThreadInfo> path = new ArrayList<>();
            Map<Long, Integer> index = new HashMap<>();
            ThreadInfo t = start;
            while (t != null && !done.contains(t.getThreadId()) && !index.containsKey(t.getThreadId())) {
                index.put(t.getThreadId(), path.size());
                path.add(t);
                t = byId.get(t.getLockOwnerId());
            }
            if (t != null && index.containsKey(t.getThreadId())) {
                out.add(List.copyOf(path.subList(index.get(t.getThreadId()), path.size())));
            }
            for (ThreadInfo p : path) done.add(p.getThreadId());
        }
        return out;
    }

    /** Step i: thread i holds the lock thread i-1 waits for, and waits for the one thread i+1 holds. */
    private DeadlockReport report(List<ThreadInfo> cycle) {
        List<DeadlockReport.Step> steps = new ArrayList<>();
        for (int i = 0; i < cycle.size(); i++) {
            ThreadInfo t = cycle.get(i);
            LockInfo held = cycle.get((i + cycle.size() - 1) % cycle.size()).getLockInfo();
            LockInfo wanted = t.getLockInfo();
            int tid = recorder.tidOf(t.getThreadId());
            Site heldSite = held == null || tid < 0 ? null : heldSites.heldSite(tid, held.getIdentityHashCode());
            List<Site> heldStack = heldStack(t, held, heldSite);
            List<Site> wantedStack = programFrames(t.getStackTrace(), 0);
            steps.add(new DeadlockReport.Step(t.getThreadName(), tid,
                    name(held), heldSite, heldStack,
                    name(wanted), wantedStack.isEmpty() ? null : wantedStack.get(0), wantedStack));
        }
        return new DeadlockReport(DeadlockReport.Status.OCCURRED, steps, 1);
    }

    /**
     * The stack where {@code t} took {@code lock}: {@code site} (from the analyses), then, for a
     * monitor, the frames below the frame the JVM says holds it (that frame's own line is where
     * the thread is now, not where it took the lock). An ownable synchronizer (a ReentrantLock)
     * has no such frame: the site alone.
     */
    private static List<Site> heldStack(ThreadInfo t, LockInfo lock, Site site) {
        if (lock == null) return List.of();
        List<Site> out = new ArrayList<>();
        if (site != null) out.add(site);
        for (MonitorInfo m : t.getLockedMonitors()) {
            if (m.getIdentityHashCode() == lock.getIdentityHashCode() && m.getLockedStackDepth() >= 0) {
                List<Site> frames = programFrames(t.getStackTrace(), m.getLockedStackDepth());
                // Without the site, the holding frame itself still says which method holds it.
                out.addAll(site == null ? frames : frames.subList(Math.min(1, frames.size()), frames.size()));
                break;
            }
        }
        return out;
    }

    /** The frames from {@code from} down, starting at the first frame of the program (JDK frames on top skipped). */
    private static List<Site> programFrames(StackTraceElement[] frames, int from) {
        int first = from;
        while (first < frames.length && isJdk(frames[first].getClassName())) first++;
        if (first == frames.length) first = from;
        List<Site> out = new ArrayList<>();
        for (int i = first; i < frames.length; i++) {
            StackTraceElement f = frames[i];
            if (f.getClassName().contains("$$Lambda")) continue; // a lambda's hidden class: no source of its own
            out.add(new Site(f.getClassName(), f.getMethodName(), f.getFileName(), Math.max(f.getLineNumber(), 0)));
        }
        return out;
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.");
    }

    private static String name(LockInfo lock) {
        return lock == null ? null : ObjectNames.describe(lock.getClassName(), lock.getIdentityHashCode());
    }
}
