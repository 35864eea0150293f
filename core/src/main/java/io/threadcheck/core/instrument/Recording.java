package io.threadcheck.core.instrument;

/**
 * What program classes report, by the analyses that run: each level drops hooks no analysis
 * of the run would read, so a run pays only for what it asks.
 */
public enum Recording {
    /** Everything: plain field and array accesses too (race detection). */
    ALL,
    /** Synchronisation only: locks, volatiles, threads and modelled calls, no plain accesses (deadlock prediction). */
    SYNC,
    /** Locks only: monitors and modelled calls, neither plain accesses nor volatiles (contention profiling). */
    LOCKS;

    boolean accesses() {
        return this == ALL;
    }

    boolean volatiles() {
        return this != LOCKS;
    }
}
