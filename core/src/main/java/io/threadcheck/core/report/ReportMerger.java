package io.threadcheck.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several reports as one: those of the JVMs of one build (test forks, programs). The same race
 * or lock-order cycle found by several JVMs is listed once, with the counts added and, for a
 * cycle, the strongest status (occurred over confirmed over potential); contention entries stay
 * apart (locks of different JVMs are different objects), most waited for first; the run
 * summaries add up.
 */
public final class ReportMerger {

    private ReportMerger() {}

    public static Report merge(List<Report> reports) {
        Map<String, RaceReport> races = new LinkedHashMap<>();
        Map<String, DeadlockReport> deadlocks = new LinkedHashMap<>();
        List<ContentionReport> contention = new ArrayList<>();
        int threads = 0;
        long classes = 0, accesses = 0, syncEvents = 0, millis = 0;
        for (Report report : reports) {
            for (RaceReport race : report.races()) {
                races.merge(FindingKeys.race(race), race, ReportMerger::addCounts);
            }
            for (DeadlockReport cycle : report.deadlocks()) {
                deadlocks.merge(FindingKeys.deadlock(cycle), cycle, ReportMerger::stronger);
            }
            contention.addAll(report.contention());
            RunSummary run = report.run();
            threads += run.threads();
            classes += run.instrumentedClasses();
            accesses += run.accesses();
            syncEvents += run.syncEvents();
            millis += run.durationMillis();
        }
        contention.sort(Comparator.comparingLong(ContentionReport::waitNanos).reversed()
                .thenComparing(Comparator.comparingLong(ContentionReport::holdNanos).reversed()));
        return new Report(List.copyOf(races.values()), List.copyOf(deadlocks.values()), contention,
                new RunSummary(threads, classes, accesses, syncEvents, millis));
    }

    private static RaceReport addCounts(RaceReport first, RaceReport again) {
        return new RaceReport(first.variable(), first.earlier(), first.later(), first.count() + again.count());
    }

    private static DeadlockReport stronger(DeadlockReport first, DeadlockReport again) {
        DeadlockReport kept = again.status().ordinal() < first.status().ordinal() ? again : first;
        return new DeadlockReport(kept.status(), kept.cycle(), first.count() + again.count());
    }
}
