package io.threadcheck.core.analyse.deadlock;

import io.threadcheck.core.util.WeakIdentityMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Program lock objects to their {@link LockNode}s, by identity, without keeping the locks alive. */
final class LockNodes {

    private final WeakIdentityMap<Object, LockNode> nodes = new WeakIdentityMap<>(64);
    private final AtomicInteger nextId = new AtomicInteger();

    // An anonymous class, not a lambda: this runs inside the program's lock operations.
    private final Function<Object, LockNode> factory = new Function<>() {
        @Override
        public LockNode apply(Object lock) {
            return new LockNode(nextId.getAndIncrement(), lock);
        }
    };

    LockNode of(Object lock) {
        LockNode n = nodes.get(lock);
        return n != null ? n : nodes.computeIfAbsent(lock, factory);
    }
}
