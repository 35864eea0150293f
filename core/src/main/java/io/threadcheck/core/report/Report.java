package io.threadcheck.core.report;

import java.util.List;

/**
 * Everything one run of threadcheck found; what the writers render. Immutable.
 *
 * @param races      data races, one per distinct pair of sites, in order of first detection
 * @param deadlocks  lock-order cycles (filled by the deadlock analysis)
 * @param contention per-lock contention (filled by the contention analysis)
 * @param run        what was checked
 */
public record Report(List<RaceReport> races, List<DeadlockReport> deadlocks,
                     List<ContentionReport> contention, RunSummary run) {

    public static final String SCHEMA = "threadcheck-report/1";

    public Report {
        races = List.copyOf(races);
        deadlocks = List.copyOf(deadlocks);
        contention = List.copyOf(contention);
    }
}
