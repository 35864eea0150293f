package io.threadcheck.core.analyse.race;

import java.util.function.IntFunction;

/**
 * FastTrack shadow state of one variable (a field of one object, a static field, an array
 * element): the last write's epoch {@code W}, and the reads as one epoch {@code R} or, once
 * concurrent reads were seen, a read-shared vector clock ({@code R == SHARED}).
 *
 * <p>Every check-and-update runs while holding this object. The same-epoch fast paths read
 * {@link #w}, {@link #r} and {@link #shared} without the lock: only thread t ever stores an
 * epoch of t, so finding one's own current epoch means the access adds nothing new (the check
 * linearises before any concurrent update, which then sees this thread's earlier access).
 *
 * <p>Next to each epoch: where the access was and which locks its thread held (an immutable
 * snapshot), so a later race can report the earlier access.
 */
final class VarState extends Keyed {

    volatile long w;                 // Epoch of the last write, NONE if never written
    volatile long r;                 // Epoch of the last read, NONE, or SHARED
    volatile ReadShared shared;      // the reads when r == SHARED, else null

    int wSite = -1;                  // guarded by this
    LockSet wLocks = LockSet.EMPTY;  // guarded by this
    int rSite = -1;                  // guarded by this
    LockSet rLocks = LockSet.EMPTY;  // guarded by this

    /** Makes states; a class, not a lambda (no lambda bootstrap inside the agent's event path). */
    static final IntFunction<VarState> FACTORY = new IntFunction<VarState>() {
        @Override
        public VarState apply(int key) {
            return new VarState(key);
        }
    };

    VarState(int key) {
        super(key);
    }
}
