package io.threadcheck.core.record;

import java.util.ArrayList;
import java.util.List;

/**
 * What is known about each thread id: its name, and who started it from where. Filled by
 * whoever produces events (the agent online, the trace reader offline), read by reports.
 */
public final class ThreadTable {

    /** One thread: {@code parent} is -1 and {@code startStack} empty when nobody we saw started it. */
    public record ThreadInfo(int tid, String name, int parent, List<Site> startStack) {}

    private final List<ThreadInfo> threads = new ArrayList<>();

    public synchronized void put(ThreadInfo info) {
        while (threads.size() <= info.tid()) threads.add(null);
        threads.set(info.tid(), info);
    }

    /** Updates the name, keeping the rest (threads are often renamed after they start). */
    public synchronized void rename(int tid, String name) {
        ThreadInfo old = get(tid);
        if (old != null && !old.name().equals(name)) {
            threads.set(tid, new ThreadInfo(tid, name, old.parent(), old.startStack()));
        }
    }

    public synchronized ThreadInfo get(int tid) {
        return tid < threads.size() ? threads.get(tid) : null;
    }

    public synchronized String name(int tid) {
        ThreadInfo info = get(tid);
        return info == null ? "thread-" + tid : info.name();
    }

    public synchronized int size() {
        return threads.size();
    }
}
