package io.threadcheck.core.analyse.deadlock;

/** A number of steps an end-of-run computation may take; single-threaded. */
final class WorkBudget {

    private long remaining;
    private boolean exhausted;

    WorkBudget(long steps) {
        this.remaining = steps;
    }

    /** Takes one step; false (for good) once none is left. */
    boolean spend() {
        if (remaining > 0) {
            remaining--;
            return true;
        }
        exhausted = true;
        return false;
    }

    boolean exhausted() {
        return exhausted;
    }
}
