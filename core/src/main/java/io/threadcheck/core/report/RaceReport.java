package io.threadcheck.core.report;

/**
 * One data race: two conflicting accesses to {@code variable}, unordered by happens-before.
 *
 * @param variable {@code com.example.Counter.count}, or {@code int[]@1b6d3586[3]} for an array element
 * @param earlier  the access that came first in the run
 * @param later    the access that detected the race
 * @param count    how many times a race between these two sites was seen
 */
public record RaceReport(String variable, Access earlier, Access later, long count) {}
