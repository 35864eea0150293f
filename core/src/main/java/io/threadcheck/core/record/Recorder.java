package io.threadcheck.core.record;

import io.threadcheck.core.model.ApiEvents;
import io.threadcheck.core.model.CallModels;
import io.threadcheck.core.model.ModelledCall;
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
        boolean inModel;          // a model is running: calls it makes are not modelled again
        ThreadEvents events;      // made on the thread's first modelled call
        HeldReads heldReads;      // made on the thread's first optimistic read section
        boolean holdingReads;     // in an optimistic read section: reads go to heldReads

        ThreadRecord(int tid, Thread thread) {
            this.tid = tid;
            this.thread = new WeakReference<>(thread);
        }
    }

    /** The {@link ApiEvents} of one thread: events at the site of the modelled call being run. */
    private final class ThreadEvents implements ApiEvents {
        final ThreadRecord thread;
        EventVisitor ev;
        int site;

        ThreadEvents(ThreadRecord thread) {
            this.thread = thread;
        }

        @Override
        public void release(Object sync, int key) {
            if (sync == null) return;
            settleHeldReads(thread, ev);
            ev.syncRelease(thread.tid, sync, key, site);
        }

        @Override
        public void acquire(Object sync, int key) {
            if (sync == null) return;
            settleHeldReads(thread, ev);
            ev.syncAcquire(thread.tid, sync, key, site);
        }

        @Override
        public void releaseStatic(int field) {
            if (field >= 0) ev.syncRelease(thread.tid, null, field, site);
        }

        @Override
        public void acquireStatic(int field) {
            if (field >= 0) ev.syncAcquire(thread.tid, null, field, site);
        }

        @Override
        public void lock(Object lock) {
            if (lock == null) return;
            settleHeldReads(thread, ev);
            ev.acquire(thread.tid, lock, site);
        }

        @Override
        public void unlock(Object lock) {
            if (lock == null) return;
            settleHeldReads(thread, ev);
            ev.release(thread.tid, lock, site);
        }

        @Override
        public void lockRequest(Object lock) {
            if (lock != null) ev.lockRequest(thread.tid, lock, site);
        }

        @Override
        public void tryLock(Object lock) {
            if (lock == null) return;
            settleHeldReads(thread, ev);
            ev.tryAcquire(thread.tid, lock, site);
        }

        @Override
        public void sharedLock(Object lock) {
            if (lock != null) ev.sharedAcquire(thread.tid, lock, site);
        }

        @Override
        public void sharedUnlock(Object lock) {
            if (lock != null) ev.sharedRelease(thread.tid, lock, site);
        }

        @Override
        public void waitStart(Object lock) {
            if (lock != null) ev.waitStart(thread.tid, lock, site);
        }

        @Override
        public void waitEnd(Object lock) {
            if (lock != null) ev.waitEnd(thread.tid, lock, site);
        }

        @Override
        public void read(Object target, int field) {
            if (thread.clinitDepth != 0) return;
            int derived = symbols.derivedSite(site, AccessKind.FIELD_READ, field);
            if (!holdRead(thread, ev, target, -1, derived)) ev.read(thread.tid, target, derived);
        }

        @Override
        public void write(Object target, int field) {
            if (thread.clinitDepth == 0) ev.write(thread.tid, target, symbols.derivedSite(site, AccessKind.FIELD_WRITE, field));
        }

        @Override
        public void arrayRange(Object array, int from, int to, boolean write) {
            if (array == null || !array.getClass().isArray() || thread.clinitDepth != 0) return;
            int length = Array.getLength(array);
            int start = Math.max(0, from);
            int end = Math.min(length, to);
            for (int i = start; i < end; i++) {
                if (write) ev.arrayWrite(thread.tid, array, i, site);
                else if (!holdRead(thread, ev, array, i, site)) ev.arrayRead(thread.tid, array, i, site);
            }
        }

        @Override
        public int field(String owner, String name) {
            return symbols.field(owner, name);
        }

        @Override
        public void threadStarting(Thread child) {
            beforeStart(child, site);
        }

        @Override
        public void beginOptimisticRead() {
            settleHeldReads(thread, ev);
            if (thread.heldReads == null) thread.heldReads = new HeldReads();
            thread.holdingReads = true;
        }

        @Override
        public void endOptimisticRead(boolean validated) {
            if (!thread.holdingReads) return;
            if (validated) {
                settleHeldReads(thread, ev);
            } else {
                thread.holdingReads = false;
                thread.heldReads.clear();
            }
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
            // Registering runs JDK code (the first use of the record table's VarHandles interns
            // method types in a ConcurrentHashMap) that can reach modelled JDK methods. Their
            // hooks find this placeholder, which records nothing, instead of registering again.
            ThreadRecord registering = new ThreadRecord(-1, Thread.currentThread());
            registering.inModel = true;
            set(registering);
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
                else if (!holdRead(t, ev, target, -1, site)) ev.read(t.tid, target, site);
            } else {
                // The instruction itself will throw for a null array or a bad index.
                if (target == null || index >= Array.getLength(target)) return;
                if (write) ev.arrayWrite(t.tid, target, index, site);
                else if (!holdRead(t, ev, target, index, site)) ev.arrayRead(t.tid, target, index, site);
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
            settleHeldReads(t, ev);
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
            settleHeldReads(t, ev);
            if (acquire) ev.acquire(t.tid, lock, site);
            else ev.release(t.tid, lock, site);
        } catch (Throwable e) {
            fail(e);
        }
    }

    /** {@code lock} is about to be requested (before MONITORENTER): see {@link EventVisitor#lockRequest}. */
    void lockRequest(Object lock, int site) {
        EventVisitor ev = events;
        if (ev == null || lock == null) return;
        ThreadRecord t = current.get();
        try {
            ev.lockRequest(t.tid, lock, site);
        } catch (Throwable e) {
            fail(e);
        }
    }

    /** Object.wait on {@code lock} starts (before its release) or has ended (after its re-acquire). */
    void monitorWait(Object lock, int site, boolean start) {
        EventVisitor ev = events;
        if (ev == null || lock == null) return;
        ThreadRecord t = current.get();
        try {
            if (start) ev.waitStart(t.tid, lock, site);
            else ev.waitEnd(t.tid, lock, site);
        } catch (Throwable e) {
            fail(e);
        }
    }

    /**
     * A modelled library call: runs its model with this thread's {@link ApiEvents}. Calls the
     * model itself makes (a lock's accessor, a collection it reads) are not modelled again.
     */
    void api(boolean before, Object recv, Object a0, Object a1, long n0, long n1, long n2,
             Object result, long numResult, int site) {
        EventVisitor ev = events;
        if (ev == null) return;
        ThreadRecord t = current.get();
        if (t.inModel) return;
        ModelledCall call = CallModels.get().byId(symbols.fieldOf(site));
        if (call == null) return;
        t.inModel = true;
        try {
            ThreadEvents out = t.events;
            if (out == null) t.events = out = new ThreadEvents(t);
            out.ev = ev;
            out.site = site;
            if (before) call.model().before(call.op(), out, recv, a0, a1, n0, n1, n2);
            else call.model().after(call.op(), out, recv, a0, a1, n0, n1, n2, result, numResult);
        } catch (Throwable e) {
            fail(e);
        } finally {
            t.inModel = false;
        }
    }

    /** {@code child} is about to start. Idempotent: JDK 21+ start methods call one another. */
    void beforeStart(Thread child, int site) {
        EventVisitor ev = events;
        if (ev == null || child == null || byThread.get(child) != null) return;
        try {
            ThreadRecord parent = current.get();
            settleHeldReads(parent, ev);
            ThreadRecord rec = recordOf(child, parent.tid, stacks.captureFromProgram());
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
            threads.rename(rec.tid, nameOf(joined));
            settleHeldReads(rec, ev);   // it has ended: its last optimistic reads were never validated
            ThreadRecord joiner = current.get();
            settleHeldReads(joiner, ev);
            ev.threadJoin(joiner.tid, rec.tid);
        } catch (Throwable e) {
            fail(e);
        }
    }

    /**
     * Holds a read of a thread inside an optimistic read section; false when it is not in one
     * (the caller records the read as usual). A full section is settled and ends.
     */
    private boolean holdRead(ThreadRecord t, EventVisitor ev, Object target, int index, int site) {
        if (!t.holdingReads) return false;
        if (t.heldReads.add(target, index, site)) return true;
        settleHeldReads(t, ev);
        return false;
    }

    /**
     * Ends {@code t}'s optimistic read section, if open, checking its held reads as the reads
     * they were: called before each synchronisation event of the thread (which could change
     * what they are ordered with), by a validation, and by the thread's joiner. The reads are
     * reported with their site alone: the stack they were made on is gone.
     */
    private void settleHeldReads(ThreadRecord t, EventVisitor ev) {
        if (!t.holdingReads) return;
        t.holdingReads = false;
        stacks.replaying(true);
        try {
            t.heldReads.replay(ev, t.tid);
        } finally {
            stacks.replaying(false);
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
                threads.put(new ThreadTable.ThreadInfo(rec.tid, nameOf(t), parent,
                        startStack == null ? List.of() : startStack));
                synchronized (all) {
                    all.add(rec);
                }
                return rec;
            }
        });
        return made;
    }

    /**
     * The name reports show: the thread's own, or for a thread without one (virtual threads are
     * unnamed unless their builder names them) "unnamed#" and its JVM thread id, so each
     * still has a name of its own.
     */
    static String nameOf(Thread t) {
        String name = t.getName();
        return name.isEmpty() ? "unnamed#" + t.getId() : name;
    }

    /** threadcheck's id of the live thread whose {@code Thread.getId()} is {@code threadId}; -1 when it has none. */
    public int tidOf(long threadId) {
        synchronized (all) {
            for (ThreadRecord rec : all) {
                Thread t = rec.thread.get();
                if (t != null && t.getId() == threadId) return rec.tid;
            }
        }
        return -1;
    }

    private void refreshNames() {
        synchronized (all) {
            for (ThreadRecord rec : all) {
                Thread t = rec.thread.get();
                if (t != null) threads.rename(rec.tid, nameOf(t));
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
