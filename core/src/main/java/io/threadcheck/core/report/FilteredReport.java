package io.threadcheck.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A report with the findings a user accepted taken out: those a {@link Suppressions} rule
 * matches, then those the {@link Baseline} knows. Contention is kept whole.
 *
 * @param report     the findings still standing (and the rest of the report)
 * @param suppressed each finding taken out by a rule, as {@code "<rule>: <finding key>"}
 * @param known      how many findings the baseline knew
 */
public record FilteredReport(Report report, List<String> suppressed, int known) {

    public FilteredReport {
        suppressed = List.copyOf(suppressed);
    }

    public static FilteredReport of(Report report, Suppressions suppressions, Baseline baseline) {
        List<RaceReport> races = new ArrayList<>();
        List<DeadlockReport> deadlocks = new ArrayList<>();
        List<String> suppressed = new ArrayList<>();
        int known = 0;
        for (RaceReport race : report.races()) {
            String rule = suppressions.suppressing(race);
            if (rule != null) suppressed.add(rule + ": " + FindingKeys.race(race));
            else if (baseline.knows(race)) known++;
            else races.add(race);
        }
        for (DeadlockReport cycle : report.deadlocks()) {
            String rule = suppressions.suppressing(cycle);
            if (rule != null) suppressed.add(rule + ": " + FindingKeys.deadlock(cycle));
            else if (baseline.knows(cycle)) known++;
            else deadlocks.add(cycle);
        }
        return new FilteredReport(new Report(races, deadlocks, report.contention(), report.run()), suppressed, known);
    }
}
