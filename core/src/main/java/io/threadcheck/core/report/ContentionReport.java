package io.threadcheck.core.report;

import io.threadcheck.core.record.Site;

/** Contention on one lock. */
public record ContentionReport(String lock, Site site, long acquisitions, long contended,
                               long waitNanos, long maxWaitNanos, long holdNanos) {}
