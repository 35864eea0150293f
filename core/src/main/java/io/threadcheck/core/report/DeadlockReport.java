package io.threadcheck.core.report;

import io.threadcheck.core.record.Site;
import java.util.List;

/** A lock-order cycle: per thread, the lock it held (and where taken) and the next lock it took. */
public record DeadlockReport(List<Step> cycle) {
    public record Step(String thread, String heldLock, Site heldSite, String acquiredLock, Site acquiredSite) {}

    public DeadlockReport {
        cycle = List.copyOf(cycle);
    }
}
