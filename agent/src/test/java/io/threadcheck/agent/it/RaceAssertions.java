package io.threadcheck.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadcheck.agent.it.Report.Access;
import io.threadcheck.agent.it.Report.Race;
import io.threadcheck.agent.it.Report.Site;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Assertions on a run's report; every failure message carries the races JSON and the run's output. */
public final class RaceAssertions {

    private RaceAssertions() {
    }

    /** What one side of an expected race must look like. */
    public record ExpectedAccess(String thread, String op, Site site, int locksHeld, Site startSite) {

        /** An access by a thread that {@code main} started at {@code startSite}, holding no locks. */
        public static ExpectedAccess byWorker(String thread, String op, Site site, Site startSite) {
            return new ExpectedAccess(thread, op, site, 0, Objects.requireNonNull(startSite));
        }

        /** An access by the main thread, holding no locks; its start is not checked. */
        public static ExpectedAccess byMain(String op, Site site) {
            return new ExpectedAccess("main", op, site, 0, null);
        }

        public ExpectedAccess holdingLocks(int count) {
            return new ExpectedAccess(thread, op, site, count, startSite);
        }

        /** Null when {@code actual} matches, else why not. */
        String mismatch(Access actual) {
            List<String> problems = new ArrayList<>();
            if (!thread.equals(actual.thread())) {
                problems.add("thread " + actual.thread() + " != " + thread);
            }
            if (!op.equals(actual.op())) {
                problems.add("op " + actual.op() + " != " + op);
            }
            if (!site.equals(actual.site())) {
                problems.add("site " + actual.site() + " != " + site);
            }
            if (actual.locksHeld().size() != locksHeld) {
                problems.add("locksHeld " + actual.locksHeld() + " should have " + locksHeld + " entries");
            }
            if (startSite != null) {
                if (!"main".equals(actual.startedBy())) {
                    problems.add("startedBy " + actual.startedBy() + " != main");
                }
                if (actual.startStack().isEmpty() || !startSite.equals(actual.startStack().get(0))) {
                    problems.add("startStack[0] " + (actual.startStack().isEmpty() ? "(empty)" : actual.startStack().get(0))
                            + " != " + startSite);
                }
            }
            return problems.isEmpty() ? null : String.join("; ", problems);
        }

        @Override
        public String toString() {
            return thread + " " + op + " at " + site + (locksHeld > 0 ? " holding " + locksHeld + " lock(s)" : "")
                    + (startSite != null ? " started at " + startSite : "");
        }
    }

    /**
     * An expected race. With {@code ordered} the first access must be the report's "earlier";
     * without, the two may come in either order (the run's timing decides).
     */
    public record ExpectedRace(String variableDescription, Predicate<String> variable, ExpectedAccess first,
                               ExpectedAccess second, boolean ordered, Long count) {

        public static ExpectedRace unordered(String variable, ExpectedAccess a, ExpectedAccess b) {
            return new ExpectedRace(variable, variable::equals, a, b, false, null);
        }

        public static ExpectedRace ordered(String variable, ExpectedAccess earlier, ExpectedAccess later) {
            return new ExpectedRace(variable, variable::equals, earlier, later, true, null);
        }

        /** The same race on a variable whose name matches {@code regex} (array elements). */
        public ExpectedRace variableMatching(String regex) {
            Pattern pattern = Pattern.compile(regex);
            return new ExpectedRace("/" + regex + "/", v -> pattern.matcher(v).matches(), first, second, ordered, count);
        }

        public ExpectedRace withCount(long expectedCount) {
            return new ExpectedRace(variableDescription, variable, first, second, ordered, expectedCount);
        }

        String mismatch(Race race) {
            List<String> problems = new ArrayList<>();
            if (!variable.test(race.variable())) {
                problems.add("variable " + race.variable() + " != " + variableDescription);
            }
            if (count != null && race.count() != count) {
                problems.add("count " + race.count() + " != " + count);
            }
            String straight = pair(first.mismatch(race.earlier()), second.mismatch(race.later()));
            if (straight != null) {
                String swapped = ordered ? straight : pair(second.mismatch(race.earlier()), first.mismatch(race.later()));
                if (swapped != null) {
                    problems.add(ordered ? straight : straight + " | (swapped) " + swapped);
                }
            }
            return problems.isEmpty() ? null : String.join("; ", problems);
        }

        private static String pair(String earlierProblem, String laterProblem) {
            if (earlierProblem == null && laterProblem == null) {
                return null;
            }
            return "earlier: " + (earlierProblem == null ? "ok" : earlierProblem)
                    + " / later: " + (laterProblem == null ? "ok" : laterProblem);
        }

        @Override
        public String toString() {
            return "race on " + variableDescription + (ordered ? " (ordered)" : " (either order)")
                    + "\n    " + first + "\n    " + second + (count != null ? "\n    count " + count : "");
        }
    }

    /** Schema string, the sections' shapes, and no deadlocks (none of the programs nests locks). */
    public static void assertReportBasics(Report report, AgentRun.Result run) {
        assertThat(report.schema()).as("schema\n%s", run.describe()).isEqualTo(Report.SCHEMA);
        assertThat(report.deadlocks()).as("deadlocks (no program nests locks)\n%s", report.pretty()).isEmpty();
        for (Race race : report.races()) {
            assertWellFormed(race, run, report);
        }
        assertNoDuplicateSitePairs(report, run);
        assertConsistentThreadIds(report, run);
    }

    /** A thread keeps its name and id across all race entries: name and tid map one to one. */
    static void assertConsistentThreadIds(Report report, AgentRun.Result run) {
        java.util.Map<String, Long> tidByName = new java.util.HashMap<>();
        java.util.Map<Long, String> nameByTid = new java.util.HashMap<>();
        for (Race race : report.races()) {
            for (Access access : race.accesses()) {
                Long tid = tidByName.putIfAbsent(access.thread(), access.tid());
                String name = nameByTid.putIfAbsent(access.tid(), access.thread());
                if ((tid != null && tid != access.tid()) || (name != null && !name.equals(access.thread()))) {
                    Report.failWith("thread " + access.thread() + " / tid " + access.tid()
                            + " conflicts with an earlier entry (" + name + " / " + tid + ")", report, run);
                }
            }
        }
    }

    /** Properties every race entry has regardless of program. */
    static void assertWellFormed(Race race, AgentRun.Result run, Report report) {
        String context = "race\n" + race + "\n" + run.describe();
        for (Access access : race.accesses()) {
            assertThat(access.stack()).as("stack must start with the site; %s", context).isNotEmpty();
            assertThat(access.stack().get(0)).as("stack[0] must equal the site; %s", context).isEqualTo(access.site());
        }
        assertThat(race.earlier().tid()).as("the two accesses must come from different threads; %s", context)
                .isNotEqualTo(race.later().tid());
        assertThat(race.earlier().isWrite() || race.later().isWrite())
                .as("a race needs at least one write; %s", context).isTrue();
        assertThat(race.count()).as("count; %s", context).isGreaterThanOrEqualTo(1);
    }

    /** "One race entry per distinct pair of sites": no two entries share sites and ops in the same order. */
    static void assertNoDuplicateSitePairs(Report report, AgentRun.Result run) {
        Set<List<Object>> keys = new HashSet<>();
        for (Race race : report.races()) {
            List<Object> key = List.of(race.earlier().site(), race.earlier().op(), race.later().site(), race.later().op());
            if (!keys.add(key)) {
                Report.failWith("two race entries for the same pair of sites " + key, report, run);
            }
        }
    }

    /** The report holds exactly the expected races: each expected one matched by one entry, nothing else. */
    public static void assertExactlyRaces(Report report, AgentRun.Result run, ExpectedRace... expected) {
        assertReportBasics(report, run);
        List<Race> unmatched = new ArrayList<>(report.races());
        List<String> problems = new ArrayList<>();
        for (ExpectedRace want : expected) {
            Race match = null;
            List<String> reasons = new ArrayList<>();
            for (Race race : unmatched) {
                String mismatch = want.mismatch(race);
                if (mismatch == null) {
                    match = race;
                    break;
                }
                reasons.add("  vs " + race.variable() + ": " + mismatch);
            }
            if (match == null) {
                problems.add("missing " + want + (reasons.isEmpty() ? "\n  (no other races left to compare)"
                        : "\n" + String.join("\n", reasons)));
            } else {
                unmatched.remove(match);
            }
        }
        for (Race extra : unmatched) {
            problems.add("unexpected race on " + extra.variable() + ": " + extra.earlier().thread() + " "
                    + extra.earlier().op() + " at " + extra.earlier().site() + " / " + extra.later().thread() + " "
                    + extra.later().op() + " at " + extra.later().site());
        }
        if (!problems.isEmpty()) {
            Report.failWith(String.join("\n", problems), report, run);
        }
    }

    /** No races, and a run section showing the program was actually checked. */
    public static void assertCleanRun(Report report, AgentRun.Result run, int minThreads) {
        assertReportBasics(report, run);
        if (!report.races().isEmpty()) {
            Report.failWith("expected no races, found " + report.races().size(), report, run);
        }
        Report.Run summary = report.run();
        String context = "run section " + summary + "\n" + run.describe();
        assertThat(summary.accesses()).as("accesses analysed; %s", context).isPositive();
        assertThat(summary.syncEvents()).as("sync events (start/join at least); %s", context).isPositive();
        assertThat(summary.instrumentedClasses()).as("instrumented classes; %s", context).isPositive();
        assertThat(summary.threads()).as("threads seen; %s", context).isGreaterThanOrEqualTo(minThreads);
    }
}
