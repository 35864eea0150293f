package io.threadcheck.agent;

import io.threadcheck.core.analyse.contention.ContentionProfiler;
import io.threadcheck.core.analyse.contention.NanoClock;
import io.threadcheck.core.analyse.deadlock.DeadlockDetector;
import io.threadcheck.core.analyse.race.RaceDetector;
import io.threadcheck.core.instrument.Recording;
import io.threadcheck.core.record.EventVisitor;
import io.threadcheck.core.record.Recorder;
import io.threadcheck.core.record.Site;
import io.threadcheck.core.report.ContentionReport;
import io.threadcheck.core.report.DeadlockReport;
import io.threadcheck.core.report.RaceReport;
import java.util.List;
import java.util.Set;

/**
 * The analyses a run asks for ({@code mode=}), chained as one visitor chain behind the
 * recorder (races, then deadlocks, then contention), and what they found. An analysis that
 * does not run reports nothing.
 */
final class Analyses implements DeadlockWatchdog.HeldSites {

    private final RaceDetector races;
    private final DeadlockDetector deadlocks;
    private final ContentionProfiler contention;
    private final EventVisitor chain;

    Analyses(Set<String> modes, Recorder recorder) {
        // Built from the tail: each analysis passes every event on to the next.
        EventVisitor head = null;
        this.contention = modes.contains("contention")
                ? new ContentionProfiler(head, recorder.symbols(), recorder.threads(), NanoClock.SYSTEM) : null;
        if (contention != null) head = contention;
        this.deadlocks = modes.contains("deadlock")
                ? new DeadlockDetector(head, recorder.symbols(), recorder.threads(), recorder.stacks()) : null;
        if (deadlocks != null) head = deadlocks;
        this.races = modes.contains("race")
                ? new RaceDetector(head, recorder.symbols(), recorder.threads(), recorder.stacks()) : null;
        if (races != null) head = races;
        this.chain = head;
    }

    @Override
    public Site heldSite(int tid, int identityHash) {
        return deadlocks == null ? null : deadlocks.heldSite(tid, identityHash);
    }

    /** What program classes must report for these analyses. */
    static Recording recording(Set<String> modes) {
        if (modes.contains("race")) return Recording.ALL;
        if (modes.contains("deadlock")) return Recording.SYNC;
        return Recording.LOCKS;
    }

    /** The head of the chain the recorder feeds; null when no analysis runs. */
    EventVisitor chain() {
        return chain;
    }

    List<RaceReport> races() {
        return races == null ? List.of() : races.races();
    }

    /** The predicted cycles; complete once the event stream has finished. */
    List<DeadlockReport> deadlocks() {
        return deadlocks == null ? List.of() : deadlocks.deadlocks();
    }

    /** Per-lock contention; complete once the event stream has finished. */
    List<ContentionReport> contention() {
        return contention == null ? List.of() : contention.contention();
    }

    long accesses() {
        return races == null ? 0 : races.accesses();
    }

    long syncEvents() {
        return races == null ? 0 : races.syncEvents();
    }
}
