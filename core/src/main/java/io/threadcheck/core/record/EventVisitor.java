package io.threadcheck.core.record;

/**
 * The one event model of threadcheck: everything the agent records, and everything an
 * analysis consumes, is a call on this visitor.
 *
 * <p>Visitors form a chain, as ASM's class visitors do: each method forwards to the next
 * visitor by default, so an analysis overrides what it needs and calls {@code super} to pass
 * the event on. One recorded run can thus feed several analyses, online or from a trace.
 *
 * <p>Delivery contract, which every source of events keeps:
 * <ul>
 *   <li>events of one thread arrive in that thread's program order;</li>
 *   <li>events of different threads may arrive concurrently (online), so visitors are
 *       thread-safe;</li>
 *   <li>a release-like event ({@link #release}, {@link #syncRelease}, {@link #threadStart})
 *       is delivered before the acquire-like event that observes it ({@link #acquire},
 *       {@link #syncAcquire}, the child's first event, {@link #threadJoin}).</li>
 * </ul>
 *
 * <p>Threads are small dense ids ({@link ThreadTable}); sites are ids into the
 * {@link SymbolTable}. Objects are passed by identity: online they are the program's own
 * objects, offline a canonical stand-in per recorded object id. Static fields have a
 * {@code null} target; the field is known from the site.
 */
public abstract class EventVisitor {

    protected final EventVisitor next;

    protected EventVisitor(EventVisitor next) {
        this.next = next;
    }

    /** {@code parent} is about to start {@code child}: everything before happens-before the child. */
    public void threadStart(int parent, int child) {
        if (next != null) next.threadStart(parent, child);
    }

    /** {@code joiner} observed that {@code joined} has terminated (join returned, thread dead). */
    public void threadJoin(int joiner, int joined) {
        if (next != null) next.threadJoin(joiner, joined);
    }

    /** Read of a field; {@code target} is null for a static field. */
    public void read(int tid, Object target, int site) {
        if (next != null) next.read(tid, target, site);
    }

    /** Write of a field; {@code target} is null for a static field. */
    public void write(int tid, Object target, int site) {
        if (next != null) next.write(tid, target, site);
    }

    public void arrayRead(int tid, Object array, int index, int site) {
        if (next != null) next.arrayRead(tid, array, index, site);
    }

    public void arrayWrite(int tid, Object array, int index, int site) {
        if (next != null) next.arrayWrite(tid, array, index, site);
    }

    /** {@code tid} now holds {@code lock} (delivered after the real acquisition). */
    public void acquire(int tid, Object lock, int site) {
        if (next != null) next.acquire(tid, lock, site);
    }

    /** {@code tid} is about to give up {@code lock} (delivered before the real release). */
    public void release(int tid, Object lock, int site) {
        if (next != null) next.release(tid, lock, site);
    }

    /**
     * {@code tid} is about to block until it gets {@code lock}: a monitor enter, {@code Lock.lock},
     * the read side of a read-write lock, a semaphore's acquire. The acquisition follows
     * ({@link #acquire}, or {@link #sharedAcquire} for a read side or semaphore) unless the call
     * throws. Not every acquisition has one: a synchronized method is entered before any hook
     * runs, so it may come with {@link #acquire} alone.
     */
    public void lockRequest(int tid, Object lock, int site) {
        if (next != null) next.lockRequest(tid, lock, site);
    }

    /**
     * {@code tid} now holds {@code lock}, which it took without waiting for it (a successful
     * {@code tryLock}): for happens-before an {@link #acquire}, but it could not have deadlocked.
     */
    public void tryAcquire(int tid, Object lock, int site) {
        if (next != null) next.tryAcquire(tid, lock, site);
    }

    /**
     * {@code tid} got a share of {@code lock} that does not exclude others: the read side of a
     * read-write lock, or a semaphore's permits. No lock in the lockset (its happens-before edges
     * come as {@link #syncAcquire}); for contention only.
     */
    public void sharedAcquire(int tid, Object lock, int site) {
        if (next != null) next.sharedAcquire(tid, lock, site);
    }

    /** {@code tid} gives up its share of {@code lock} (a read unlock, a semaphore release). */
    public void sharedRelease(int tid, Object lock, int site) {
        if (next != null) next.sharedRelease(tid, lock, site);
    }

    /**
     * {@code tid} starts waiting on {@code lock} in {@code Object.wait} or {@code Condition.await}
     * (delivered before the {@link #release} that gives the lock up).
     */
    public void waitStart(int tid, Object lock, int site) {
        if (next != null) next.waitStart(tid, lock, site);
    }

    /** {@code tid}'s wait on {@code lock} has ended (delivered after the {@link #acquire} that took it back). */
    public void waitEnd(int tid, Object lock, int site) {
        if (next != null) next.waitEnd(tid, lock, site);
    }

    /**
     * A release edge on a synchronisation location that is not a lock: a volatile write, a
     * latch count-down, a queue put. The location is ({@code sync}, {@code key}), e.g. the
     * object and the field id of a volatile field ({@code sync} null for a static one).
     */
    public void syncRelease(int tid, Object sync, int key, int site) {
        if (next != null) next.syncRelease(tid, sync, key, site);
    }

    /** The acquire edge matching {@link #syncRelease} on the same location. */
    public void syncAcquire(int tid, Object sync, int key, int site) {
        if (next != null) next.syncAcquire(tid, sync, key, site);
    }

    /** The stream has ended (program exit, or end of trace). */
    public void finish() {
        if (next != null) next.finish();
    }
}
