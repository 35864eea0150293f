package io.threadcheck.core.report;

import io.threadcheck.core.record.Site;
import java.util.List;
import java.util.Locale;

/**
 * A lock-order cycle: per thread, the lock it held (and where it took it) and the next lock it
 * wanted while still holding it; the last lock wanted is the first one held.
 *
 * @param status how sure the cycle is ({@link Status})
 * @param cycle  the threads of the cycle, in cycle order
 * @param count  how many times the run formed this cycle of sites (1 for one that occurred)
 */
public record DeadlockReport(Status status, List<Step> cycle, long count) {

    /** How a cycle was found; the JSON form is the lower-case name. */
    public enum Status {
        /** The threads really deadlocked in this run (found by the watchdog). */
        OCCURRED,
        /** Predicted, and a reordering of the observed run that reaches the deadlock exists. */
        CONFIRMED,
        /** Predicted from the lock order alone: a warning, not proved reachable. */
        POTENTIAL;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The status of a JSON name, or null for an unknown one. */
        public static Status ofJson(String name) {
            for (Status s : values()) {
                if (s.json().equals(name)) return s;
            }
            return null;
        }
    }

    /**
     * One thread of the cycle.
     *
     * @param tid           threadcheck's id of the thread, -1 when it had none (a thread that
     *                      never ran instrumented code)
     * @param heldStack     the stack where {@code heldLock} was taken, innermost first; may be
     *                      just {@code heldSite}, or empty when unknown
     * @param acquiredStack the stack where {@code acquiredLock} was wanted, innermost first
     */
    public record Step(String thread, int tid, String heldLock, Site heldSite, List<Site> heldStack,
                       String acquiredLock, Site acquiredSite, List<Site> acquiredStack) {
        public Step {
            heldStack = heldStack == null ? List.of() : List.copyOf(heldStack);
            acquiredStack = acquiredStack == null ? List.of() : List.copyOf(acquiredStack);
        }

        /** A step known only by its sites. */
        public Step(String thread, String heldLock, Site heldSite, String acquiredLock, Site acquiredSite) {
            this(thread, -1, heldLock, heldSite, List.of(), acquiredLock, acquiredSite, List.of());
        }
    }

    public DeadlockReport {
        cycle = List.copyOf(cycle);
    }

    /** A potential cycle seen once. */
    public DeadlockReport(List<Step> cycle) {
        this(Status.POTENTIAL, cycle, 1);
    }
}
