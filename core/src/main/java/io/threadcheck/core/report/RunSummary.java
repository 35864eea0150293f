package io.threadcheck.core.report;

/**
 * What was checked, so a clean report can be told apart from an empty run.
 *
 * @param threads              threads seen
 * @param instrumentedClasses  classes the agent rewrote
 * @param accesses             field and array accesses analysed
 * @param syncEvents           lock, volatile, start and join events analysed
 * @param durationMillis       wall time from agent start to report
 */
public record RunSummary(int threads, long instrumentedClasses, long accesses, long syncEvents,
                         long durationMillis) {}
