package io.threadcheck.core.analyse.race;

import java.util.function.IntFunction;

/**
 * A release/acquire location that is not a lock (a volatile field, a latch, a queue): its
 * vector clock is the join of every release so far. Several threads use one location at
 * once, so {@link #vc} is guarded by this object (ours).
 */
final class SyncState extends Keyed {

    long[] vc; // guarded by this

    /** Makes states; a class, not a lambda (no lambda bootstrap inside the agent's event path). */
    static final IntFunction<SyncState> FACTORY = new IntFunction<SyncState>() {
        @Override
        public SyncState apply(int key) {
            return new SyncState(key);
        }
    };

    SyncState(int key) {
        super(key);
    }
}
