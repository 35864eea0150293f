package io.threadcheck.core.analyse.race;

/**
 * FastTrack state of one lock: its vector clock {@code L_m} and its name. It never refers to
 * the lock object itself (it is reached through a weak map keyed by the lock).
 *
 * <p>{@link #vc} is read and written only by a thread that really holds the lock (acquire is
 * delivered after the real acquisition, release before the real release), so the program's
 * own lock orders those accesses; no lock of ours is needed.
 */
final class LockState {

    final LockName name;
    long[] vc;

    LockState(Object lock) {
        this.name = new LockName(lock);
    }

    @Override
    public String toString() {
        return name.text();
    }
}
