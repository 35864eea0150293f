package io.threadcheck.core.analyse.race;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable snapshot of the locks a thread holds, outermost first. A thread makes a new one
 * only when its set of held locks changes (not on a reentrant acquire), so an access stores the
 * current snapshot's reference at no cost.
 */
final class LockSet {

    static final LockSet EMPTY = new LockSet(new LockName[0]);

    private final LockName[] locks;

    private LockSet(LockName[] locks) {
        this.locks = locks;
    }

    LockSet with(LockName added) {
        LockName[] a = new LockName[locks.length + 1];
        System.arraycopy(locks, 0, a, 0, locks.length);
        a[locks.length] = added;
        return new LockSet(a);
    }

    LockSet without(LockName removed) {
        int at = -1;
        for (int i = 0; i < locks.length; i++) {
            if (locks[i] == removed) {
                at = i;
                break;
            }
        }
        if (at < 0) return this;
        if (locks.length == 1) return EMPTY;
        LockName[] a = new LockName[locks.length - 1];
        System.arraycopy(locks, 0, a, 0, at);
        System.arraycopy(locks, at + 1, a, at, locks.length - at - 1);
        return new LockSet(a);
    }

    List<String> names() {
        List<String> names = new ArrayList<>(locks.length);
        for (LockName l : locks) names.add(l.text());
        return names;
    }

    @Override
    public String toString() {
        return names().toString();
    }
}
