package io.threadcheck.core.record;

import io.threadcheck.core.util.WeakIdentityMap;
import java.lang.ref.WeakReference;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The online recorder: turns hook calls from instrumented code into events for the analysis
 * chain. It knows which thread is which (dense ids), who started whom, and which accesses are
 * not to be recorded (those inside a static initialiser, see {@link #clinit}).
 *
 * <p>It must never harm the program: an internal failure stops recording with one message
 * and the program goes on.
 */
public final class Recorder {

    /** Per-thread recording state, reached through a ThreadLocal. */
    static final class ThreadRecord {
        final int tid;
        final WeakReference<Thread> thread;
        int clinitDepth;

        ThreadRecord(int tid, Thread thread) {
            this.tid = tid;
            this.thread = new WeakReference<>(thread);
        }
    }

    private final SymbolTable symbols;
    private final ThreadTable threads;
    private final LiveStacks stacks = new LiveStacks();
    private final AtomicInteger nextTid = new AtomicInteger();
    private final WeakIdentityMap<Thread, ThreadRecord> byThread = new WeakIdentityMap<>();
    private final List<ThreadRecord> all = new ArrayList<>();
    private final LongAdder skipped = new LongAdder();
    private final ThreadLocal<ThreadRecord> current = new ThreadLocal<>() {
        @Override
        protected ThreadRecord initialValue() {
            return recordOf(Thread.currentThread(), -1, null);
        }
    };
    private volatile EventVisitor events;
    private volatile boolean failed;

    public Recorder(SymbolTable symbols, ThreadTable threads) {
        this.symbols = symbols;
        this.threads = threads;
    }

    public SymbolTable symbols() {
        return symbols;
    }

    public ThreadTable threads() {
        return threads;
    }

    public LiveStacks stacks() {
        return stacks;
    }

    /** Starts delivering hook calls to {@code chain}. */
    public void start(EventVisitor chain) {
        this.events = chain;
        Hooks.recorder = this;
    }

    /** Stops recording, refreshes thread names and ends the event stream. Idempotent. */
    public synchronized void stop() {
        if (Hooks.recorder == this) Hooks.recorder = null;
        EventVisitor chain = events;
        if (chain == null) return;
        events = null;
        refreshNames();
        chain.finish();
    }

    /** Accesses skipped because they ran inside a static initialiser. */
    public long skippedInInitialisers() {
        return skipped.sum();
    }

    void access(Object target, int index, int site, boolean write) {
        EventVisitor ev = events;
        if (ev == null) return;
        ThreadRecord t = current.get();
        if (t.clinitDepth != 0) {
            skipped.increment();
            return;
        }
        try {
            if (index < 0) {
                if (write) ev.write(t.tid, target, site);
                else ev.read(t.tid, target, site);
            } else {
                // The instruction itself will throw for a null array or a bad index.
                if (target == null || index >= Array.getLength(target)) return;
                if (write) ev.arrayWrite(t.tid, target, index, site);
                else ev.arrayRead(t.tid, target, index, site);
            }
        } catch (Throwable e) {
            fail(e);
        }
    }

    void sync(Object target, int site, boolean release) {
        EventVisitor ev = events;
        if (ev == null) return;
        ThreadRecord t = current.get();
        try {
            int key = symbols.fieldOf(site);
            if (release) ev.syncRelease(t.tid, target, key, site);
            else ev.syncAcquire(t.tid, target, key, site);
        } catch (Throwable e) {
            fail(e);
        }
    }

    void lock(Object lock, int site, boolean acquire) {
        EventVisitor ev = events;
        if (ev == null || lock == null) return;
        ThreadRecord t = current.get();
        try {
            if (acquire) ev.acquire(t.tid, lock, site);
            else ev.release(t.tid, lock, site);
        } catch (Throwable e) {
            fail(e);
        }
    }

    void beforeStart(Thread child, int site) {
        EventVisitor ev = events;
        if (ev == null || child == null) return;
        try {
            ThreadRecord parent = current.get();
            ThreadRecord rec = recordOf(child, parent.tid, stacks.capture());
            ev.threadStart(parent.tid, rec.tid);
        } catch (Throwable e) {
            fail(e);
        }
    }

    void afterJoin(Thread joined, int site) {
        EventVisitor ev = events;
        if (ev == null) return;
        try {
            ThreadRecord rec = byThread.get(joined);
            if (rec == null) return; // never ran instrumented code: nothing to order
            threads.rename(rec.tid, joined.getName());
            ev.threadJoin(current.get().tid, rec.tid);
        } catch (Throwable e) {
            fail(e);
        }
    }

    void clinit(boolean enter) {
        ThreadRecord t = current.get();
        if (enter) t.clinitDepth++;
        else if (t.clinitDepth > 0) t.clinitDepth--;
    }

    /**
     * The record of {@code thread}, made on first sight: by its parent just before start (then
     * the parent and start stack are known), or by the thread itself on its first event.
     */
    private ThreadRecord recordOf(Thread thread, int parent, List<Site> startStack) {
        ThreadRecord existing = byThread.get(thread);
        if (existing != null) return existing;
        ThreadRecord made = byThread.computeIfAbsent(thread, new Function<Thread, ThreadRecord>() {
            @Override
            public ThreadRecord apply(Thread t) {
                ThreadRecord rec = new ThreadRecord(nextTid.getAndIncrement(), t);
                threads.put(new ThreadTable.ThreadInfo(rec.tid, t.getName(), parent,
                        startStack == null ? List.of() : startStack));
                synchronized (all) {
                    all.add(rec);
                }
                return rec;
            }
        });
        return made;
    }

    private void refreshNames() {
        synchronized (all) {
            for (ThreadRecord rec : all) {
                Thread t = rec.thread.get();
                if (t != null) threads.rename(rec.tid, t.getName());
            }
        }
    }

    private void fail(Throwable e) {
        if (e instanceof StackOverflowError) return; // the program's own recursion; it will overflow in its frame
        if (failed) return;
        failed = true;
        events = null;
        Hooks.recorder = null;
        System.err.println("threadcheck: internal error, recording stopped (the program goes on): " + e);
    }

    /** True once an internal error stopped recording; the report says so. */
    public boolean failed() {
        return failed;
    }
}
