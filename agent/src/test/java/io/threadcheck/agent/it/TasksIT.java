package io.threadcheck.agent.it;

import static io.threadcheck.agent.it.RaceAssertions.ExpectedAccess.byMain;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedAccess.byWorker;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedRace.ordered;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedRace.unordered;
import static io.threadcheck.agent.it.RaceAssertions.assertCleanRun;
import static io.threadcheck.agent.it.RaceAssertions.assertExactlyRaces;
import static io.threadcheck.agent.it.RaceAssertions.assertReportBasics;
import static io.threadcheck.agent.it.SourceMarkers.lambdaSite;
import static io.threadcheck.agent.it.SourceMarkers.line;
import static io.threadcheck.agent.it.SourceMarkers.site;
import static org.assertj.core.api.Assertions.assertThat;

import io.threadcheck.agent.it.RaceAssertions.ExpectedAccess;
import io.threadcheck.agent.it.RaceAssertions.ExpectedRace;
import io.threadcheck.agent.it.Report.Access;
import io.threadcheck.agent.it.Report.Race;
import io.threadcheck.agent.it.Report.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import programs.TaskCompletableFuture;
import programs.TaskCompletableFutureRace;
import programs.TaskCompletionService;
import programs.TaskCompletionServiceRace;
import programs.TaskCountedCompleter;
import programs.TaskCountedCompleterRace;
import programs.TaskExecuteAwait;
import programs.TaskExecuteAwaitRace;
import programs.TaskForkJoinPool;
import programs.TaskForkJoinPoolRace;
import programs.TaskInvokeAllAny;
import programs.TaskInvokeAnyRace;
import programs.TaskLateCompletionRace;
import programs.TaskParallelStream;
import programs.TaskParallelStreamRace;
import programs.TaskPoolSharedWriteRace;
import programs.TaskRecursive;
import programs.TaskRecursiveRace;
import programs.TaskScheduled;
import programs.TaskScheduledRace;
import programs.TaskSubmitGet;
import programs.TaskSubmitGetRace;

/**
 * Executors, futures, CompletableFuture, fork/join and parallel streams: each clean program is
 * ordered by the task edges alone (pool threads run before main writes what they read) and must
 * report nothing; each broken twin lacks one edge and must report exactly its race.
 *
 * <p>Where a broken twin's two accesses are ordered in time only by sleeps, the program prints
 * what the reader saw, and that decides which access the report must call the earlier.
 */
class TasksIT {

    // --- executors ---------------------------------------------------------------------------

    @Test
    void executeThenCloseOrAwaitTerminationOrIsTerminated() {
        runClean(TaskExecuteAwait.class, "sum=100 single=101 polled=202\n", 5);
    }

    @Test
    void timedOutAwaitTerminationOrdersNothing() {
        AgentRun.Result run = racyRun(TaskExecuteAwaitRace.class);
        assertThat(run.stdout()).as(run.describe()).contains("terminated-in-time=false");
        assertExactlyRaces(run.report(), run, byValueSeen(run, "programs.TaskExecuteAwaitRace.result", "42",
                byWorker("exec-1", "write", lambdaSite(TaskExecuteAwaitRace.class, "main", "race:result-write"),
                        site(TaskExecuteAwaitRace.class, "main", "start:exec-1")),
                byMain("read", site(TaskExecuteAwaitRace.class, "main", "race:result-read"))));
    }

    @Test
    void submitAndGetTimedGetIsDoneAndOwnFutureTask() {
        runClean(TaskSubmitGet.class, "21 21 22 done 23 24 25 25\n", 3);
    }

    @Test
    void resultReadAfterTimedOutGetRaces() {
        AgentRun.Result run = racyRun(TaskSubmitGetRace.class);
        assertThat(run.stdout()).as(run.describe()).contains("timed-out=true");
        assertExactlyRaces(run.report(), run, byValueSeen(run, "programs.TaskSubmitGetRace.result", "42",
                byWorker("submit-1", "write", lambdaSite(TaskSubmitGetRace.class, "main", "race:result-write"),
                        site(TaskSubmitGetRace.class, "main", "start:submit-1")),
                byMain("read", site(TaskSubmitGetRace.class, "main", "race:result-read"))));
    }

    @Test
    void invokeAllAndInvokeAnyOrderTheirTasks() {
        runClean(TaskInvokeAllAny.class, "all=24,24 any-matches=true\n", 3);
    }

    @Test
    void invokeAnyDoesNotOrderTheLosingTask() {
        AgentRun.Result run = racyRun(TaskInvokeAnyRace.class);
        assertThat(run.stdout()).as(run.describe()).contains("winner=fast");
        assertExactlyRaces(run.report(), run, byValueSeen(run, "programs.TaskInvokeAnyRace.late", "1",
                byWorker("any-1", "write", lambdaSite(TaskInvokeAnyRace.class, "main", "race:loser-write"),
                        site(TaskInvokeAnyRace.class, "main", "start:any-1")),
                byMain("read", site(TaskInvokeAnyRace.class, "main", "race:loser-read"))));
    }

    @Test
    void twoTasksOnAPoolOfTwoWritingOneFieldRace() {
        AgentRun.Result run = racyRun(TaskPoolSharedWriteRace.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("shared-set=true\n");
        assertExactlyRaces(run.report(), run, unordered("programs.TaskPoolSharedWriteRace.shared",
                byWorker("shared-1", "write", lambdaSite(TaskPoolSharedWriteRace.class, "main", "race:shared-write-1"),
                        site(TaskPoolSharedWriteRace.class, "main", "start:shared-1")),
                byWorker("shared-2", "write", lambdaSite(TaskPoolSharedWriteRace.class, "main", "race:shared-write-2"),
                        site(TaskPoolSharedWriteRace.class, "main", "start:shared-2")))
                .withCount(1));
    }

    @Test
    void scheduledOneShotAndPeriodicTasks() {
        runClean(TaskScheduled.class, "6 6 4 periodic-runs-at-least-5=true\n", 3);
    }

    @Test
    void writeAfterScheduleIsNotHandedOver() {
        AgentRun.Result run = racyRun(TaskScheduledRace.class);
        assertExactlyRaces(run.report(), run, byValueSeen(run, "programs.TaskScheduledRace.config", "2",
                byMain("write", site(TaskScheduledRace.class, "main", "race:config-write")),
                byWorker("sched-1", "read", site(TaskScheduledRace.class, "readConfig", "race:config-read"),
                        site(TaskScheduledRace.class, "main", "start:sched-1"))));
    }

    @Test
    void completionServiceTakeAndPoll() {
        runClean(TaskCompletionService.class, "taken=15 polled=40\n", 3);
    }

    @Test
    void completionServiceOrdersOnlyTheTakenTask() {
        AgentRun.Result run = racyRun(TaskCompletionServiceRace.class);
        assertThat(run.stdout()).as(run.describe()).contains("first=fast fast=1");
        assertExactlyRaces(run.report(), run, byValueSeen(run, "programs.TaskCompletionServiceRace.slowOutput", "2",
                byWorker("ecs-1", "write", lambdaSite(TaskCompletionServiceRace.class, "main", "race:slow-write"),
                        site(TaskCompletionServiceRace.class, "main", "start:ecs-1")),
                byMain("read", site(TaskCompletionServiceRace.class, "main", "race:slow-read"))));
    }

    @Test
    void completionsThatLoseOrderNothing() {
        AgentRun.Result run = racyRun(TaskLateCompletionRace.class);
        assertThat(run.stdout()).as(run.describe()).contains("cancelled=true done=true value=5");
        Class<?> p = TaskLateCompletionRace.class;
        assertExactlyRaces(run.report(), run,
                byValue("programs.TaskLateCompletionRace.taskResult", printed(run, "task-seen").equals("1"),
                        byWorker("late-task", "write", lambdaSite(p, "main", "race:task-write"),
                                site(p, "main", "start:late-task")),
                        byMain("read", site(p, "main", "race:task-read"))),
                byValue("programs.TaskLateCompletionRace.futureResult", printed(run, "future-seen").equals("2"),
                        byWorker("late-completer", "write", lambdaSite(p, "main", "race:future-write"),
                                site(p, "main", "start:late-completer")),
                        byMain("read", site(p, "main", "race:future-read"))));
    }

    // --- fork/join ---------------------------------------------------------------------------

    @Test
    void forkJoinPoolAsAnExecutor() {
        runClean(TaskForkJoinPool.class, "7 7 8 9 9 10 10 11\n", 3);
    }

    @Test
    void forkJoinPoolTimedOutAwaitTerminationOrdersNothing() {
        AgentRun.Result run = racyRun(TaskForkJoinPoolRace.class);
        assertThat(run.stdout()).as(run.describe()).contains("terminated-in-time=false");
        assertOnlyRace(run, "programs.TaskForkJoinPoolRace.result", seen(run).equals("42"),
                Side.of("write", site(TaskForkJoinPoolRace.class, "compute", "race:result-write"), "a worker fj-N",
                        t -> t.startsWith("fj-")),
                Side.of("read", site(TaskForkJoinPoolRace.class, "main", "race:result-read"), "main", "main"::equals));
    }

    @Test
    void recursiveTasksAndActions() {
        runClean(TaskRecursive.class, "sum=2016,2016 doubled=4032 parts=303,303 polled=63\n", 3);
    }

    @Test
    void unjoinedSubtaskIsNotOrderedByTheRootsInvoke() {
        AgentRun.Result run = racyRun(TaskRecursiveRace.class);
        assertOnlyRace(run, "programs.TaskRecursiveRace.late", seen(run).equals("1"),
                Side.of("write", site(TaskRecursiveRace.class, "lateWrite", "race:late-write"), "a worker rec-N",
                        t -> t.startsWith("rec-")),
                Side.of("read", site(TaskRecursiveRace.class, "main", "race:late-read"), "main", "main"::equals));
    }

    @Test
    void countedCompleterSumForEachAndComplete() {
        runClean(TaskCountedCompleter.class, "sum=2016,2016 squares=85344 answer=64,64\n", 3);
    }

    @Test
    void countedCompleterOnCompletionDoesNotSeeAnUncountedChild() {
        AgentRun.Result run = racyRun(TaskCountedCompleterRace.class);
        String file = "TaskCountedCompleterRace.java";
        Site write = new Site("programs.TaskCountedCompleterRace$Child", "compute", file,
                line(TaskCountedCompleterRace.class, "race:child-write"), false);
        Site read = new Site("programs.TaskCountedCompleterRace$Parent", "onCompletion", file,
                line(TaskCountedCompleterRace.class, "race:child-read"), false);
        // The parent runs on a worker or, helping, on main; the child on the other worker.
        assertOnlyRace(run, "programs.TaskCountedCompleterRace$Child.value", seen(run).equals("42"),
                Side.of("write", write, "a worker cc-N", t -> t.startsWith("cc-")),
                Side.of("read", read, "a worker cc-N or main", t -> t.startsWith("cc-") || t.equals("main")));
    }

    @Test
    void parallelStreamsOverDataWrittenBefore() {
        runClean(TaskParallelStream.class,
                "sum=18000 reduced=9000 collected=11000 forEach=15000 own=24000\n", 3);
    }

    @Test
    void parallelForEachWritingOneFieldRaces() {
        AgentRun.Result run = racyRun(TaskParallelStreamRace.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("met=true\n");
        Predicate<String> streamThread = t -> t.equals("main") || t.startsWith("ForkJoinPool.commonPool-worker-");
        Side write = Side.of("write", site(TaskParallelStreamRace.class, "handle", "race:last-write"),
                "main or a common pool worker", streamThread);
        assertRaces(run, "programs.TaskParallelStreamRace.last", write, write);
    }

    // --- CompletableFuture -------------------------------------------------------------------

    @Test
    void completableFutureStagesAsyncOrNot() {
        runClean(TaskCompletableFuture.class,
                "chain=190 f=16 g=14 recovered=9 many=33 composed=12,12 j=6\n", 4);
    }

    @Test
    void joiningASourceDoesNotOrderItsDependents() {
        AgentRun.Result run = racyRun(TaskCompletableFutureRace.class);
        assertThat(run.stdout()).as(run.describe()).contains("value=1");
        assertExactlyRaces(run.report(), run, byValueSeen(run, "programs.TaskCompletableFutureRace.late", "1",
                byWorker("cf-1", "write", site(TaskCompletableFutureRace.class, "lateStage", "race:late-write"),
                        site(TaskCompletableFutureRace.class, "main", "start:cf-1")),
                byMain("read", site(TaskCompletableFutureRace.class, "main", "race:late-read"))));
    }

    // --- helpers (VirtualThreadsIT uses them too) -------------------------------------------

    static AgentRun.Result runClean(Class<?> program, String expectedStdout, int minThreads) {
        return checkClean(AgentRun.of(program).run(), expectedStdout, minThreads);
    }

    static AgentRun.Result checkClean(AgentRun.Result run, String expectedStdout, int minThreads) {
        assertRanWell(run);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines(expectedStdout);
        assertCleanRun(run.report(), run, minThreads);
        return run;
    }

    static AgentRun.Result racyRun(Class<?> program) {
        AgentRun.Result run = AgentRun.of(program).run();
        assertRanWell(run);
        return run;
    }

    /** Exit code 0, and no JDK class the models hook was left uninstrumented, no internal error. */
    static void assertRanWell(AgentRun.Result run) {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stderr()).as(run.describe()).doesNotContain("threadcheck: could not", "internal error");
    }

    /** The value the program printed as {@code seen=N}. */
    static String seen(AgentRun.Result run) {
        return printed(run, "seen");
    }

    /** The value printed as {@code name=N} (a word boundary before the name). */
    static String printed(AgentRun.Result run, String name) {
        Matcher m = Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "=(\\d+)").matcher(run.stdout());
        assertThat(m.find()).as("%s= in stdout\n%s", name, run.describe()).isTrue();
        return m.group(1);
    }

    /**
     * A race between a write and a read ordered in time by sleeps only: if the reader saw the
     * written value, the write is the earlier access; if it saw the old one, the read is.
     */
    static ExpectedRace byValueSeen(AgentRun.Result run, String variable, String written, ExpectedAccess write,
                                    ExpectedAccess read) {
        String value = seen(run);
        return byValue(variable, value.equals(written), write, read);
    }

    static ExpectedRace byValue(String variable, boolean writeFirst, ExpectedAccess write, ExpectedAccess read) {
        return (writeFirst ? ordered(variable, write, read) : ordered(variable, read, write)).withCount(1);
    }

    /**
     * One side of a race whose thread is known only by a property of its name (pool workers,
     * virtual threads); {@code op} null accepts a read or a write.
     */
    record Side(String op, Site site, String threadDescription, Predicate<String> thread) {
        static Side of(String op, Site site, String threadDescription, Predicate<String> thread) {
            return new Side(op, site, threadDescription, thread);
        }

        String mismatch(Access access) {
            List<String> problems = new ArrayList<>();
            if (!thread.test(access.thread())) problems.add("thread " + access.thread() + " is not " + threadDescription);
            if (op != null && !op.equals(access.op())) problems.add("op " + access.op() + " != " + op);
            if (!site.equals(access.site())) problems.add("site " + access.site() + " != " + site);
            if (!access.locksHeld().isEmpty()) problems.add("locksHeld " + access.locksHeld() + " should be empty");
            return problems.isEmpty() ? null : String.join("; ", problems);
        }

        @Override
        public String toString() {
            return (op == null ? "access" : op) + " by " + threadDescription + " at " + site;
        }
    }

    /** Exactly one race entry, seen once: {@code write} then {@code read} if writeFirst, else the reverse. */
    static void assertOnlyRace(AgentRun.Result run, String variable, boolean writeFirst, Side write, Side read) {
        Report report = run.report();
        assertReportBasics(report, run);
        if (report.races().size() != 1) {
            Report.failWith("expected exactly one race on " + variable + ", found " + report.races().size(), report, run);
        }
        assertRaceFits(report, run, report.races().get(0), variable, writeFirst, write, read);
    }

    /** {@code race}, seen once, is {@code write} then {@code read} if writeFirst, else the reverse. */
    static void assertRaceFits(Report report, AgentRun.Result run, Race race, String variable, boolean writeFirst,
                               Side write, Side read) {
        Side earlier = writeFirst ? write : read;
        Side later = writeFirst ? read : write;
        String problem = mismatch(race, variable, earlier, later);
        if (problem == null && race.count() != 1) problem = "count " + race.count() + " != 1";
        if (problem != null) Report.failWith("race does not fit: " + problem, report, run);
    }

    /**
     * At least one race entry, each on {@code variable} between two different threads, one side
     * fitting {@code a} and the other {@code b} in either order, any count (the interleaving
     * decides how many pairs there are).
     */
    static void assertRaces(AgentRun.Result run, String variable, Side a, Side b) {
        Report report = run.report();
        assertReportBasics(report, run);
        if (report.races().isEmpty()) Report.failWith("expected races on " + variable + ", found none", report, run);
        for (Race race : report.races()) {
            String straight = mismatch(race, variable, a, b);
            if (straight != null && mismatch(race, variable, b, a) != null) {
                Report.failWith("race does not fit: " + straight, report, run);
            }
        }
    }

    private static String mismatch(Race race, String variable, Side earlier, Side later) {
        List<String> problems = new ArrayList<>();
        if (!race.variable().equals(variable)) problems.add("variable " + race.variable() + " != " + variable);
        String e = earlier.mismatch(race.earlier());
        String l = later.mismatch(race.later());
        if (e != null) problems.add("earlier (" + earlier + "): " + e);
        if (l != null) problems.add("later (" + later + "): " + l);
        return problems.isEmpty() ? null : String.join("; ", problems);
    }
}
