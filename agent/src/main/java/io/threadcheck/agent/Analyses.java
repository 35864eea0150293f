package io.threadcheck.agent;

import io.threadcheck.core.analyse.contention.ContentionProfiler;
import io.threadcheck.core.analyse.race.RaceDetector;
import io.threadcheck.core.instrument.Recording;
import io.threadcheck.core.record.EventVisitor;
import io.threadcheck.core.record.Recorder;
import io.threadcheck.core.report.ContentionReport;
import io.threadcheck.core.report.DeadlockReport;
import io.threadcheck.core.report.RaceReport;
import java.util.List;
import java.util.Set;

/**
 * The analyses a run asks for ({@code mode=}), chained as one visitor chain behind the
 * recorder, and what they found. An analysis that does not run reports nothing.
 */
final class Analyses {

    private final RaceDetector races;
    private final ContentionProfiler contention;
    private final EventVisitor chain;

    Analyses(Set<String> modes, Recorder recorder) {
        EventVisitor tail = null;
        this.races = modes.contains("race")
                ? new RaceDetector(tail, recorder.symbols(), recorder.threads(), recorder.stacks()) : null;
        if (races != null) tail = races;
        this.contention = modes.contains("contention")
                ? ContentionProfiler.online(tail, recorder.symbols(), recorder.threads()) : null;
        if (contention != null) tail = contention;
        this.chain = tail;
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

    List<DeadlockReport> deadlocks() {
        return List.of();
    }

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
