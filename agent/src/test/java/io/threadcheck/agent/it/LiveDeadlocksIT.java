package io.threadcheck.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import programs.LiveDeadlockLocks;
import programs.LiveDeadlockMonitors;

/**
 * Programs that really deadlock: the watchdog finds the cycle, the report has it with the sites
 * where each thread took its lock and where it waits, and {@code onDeadlock=exit} ends the JVM
 * with status 86 instead of letting it hang.
 */
class LiveDeadlocksIT {

    /** One step of a reported cycle, read from the JSON. */
    record Step(String thread, String heldLock, Report.Site heldSite, String wantedLock, Report.Site wantedSite,
                int heldStackDepth, int wantedStackDepth) {
        static Step of(JsonNode step) {
            JsonNode held = step.get("held");
            JsonNode wanted = step.get("acquired");
            return new Step(step.get("thread").textValue(),
                    held.get("lock").textValue(), site(held.get("site")),
                    wanted.get("lock").textValue(), site(wanted.get("site")),
                    held.get("stack").size(), wanted.get("stack").size());
        }

        private static Report.Site site(JsonNode node) {
            return node == null || node.isNull() ? null : Report.Site.fromJson(node);
        }
    }

    static List<Step> occurred(AgentRun.Result run) {
        Report report = run.report();
        List<JsonNode> occurred = new ArrayList<>();
        for (JsonNode d : report.deadlocks()) {
            if (d.get("status").textValue().equals("occurred")) occurred.add(d);
        }
        assertThat(occurred).as("exactly one deadlock that occurred\n%s", report.pretty()).hasSize(1);
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : occurred.get(0).get("cycle")) steps.add(Step.of(s));
        // A cycle: each thread waits for the lock the next one holds.
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).wantedLock()).as(report.pretty())
                    .isEqualTo(steps.get((i + 1) % steps.size()).heldLock());
        }
        return steps;
    }

    static Step stepOf(List<Step> steps, String thread) {
        for (Step s : steps) {
            if (s.thread().equals(thread)) return s;
        }
        throw new AssertionError("no step for thread " + thread + " in " + steps);
    }

    @Test
    void monitorDeadlockEndsTheJvmWithItsCycleWhenAskedTo() {
        AgentRun.Result run = AgentRun.of(LiveDeadlockMonitors.class)
                .agentOptions("onDeadlock=exit", "watchdog=200").timeoutSeconds(30).run();

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(86);
        assertThat(run.stdout()).as(run.describe()).startsWith("started").doesNotContain("unreachable", "got both");
        assertThat(run.stderr()).as(run.describe()).contains("threadcheck: deadlock: 2 threads are blocked for good");
        List<Step> steps = occurred(run);
        assertThat(steps).extracting(Step::thread).containsExactlyInAnyOrder("left-first", "right-first");
        for (String side : List.of("left-first", "right-first")) {
            Step step = stepOf(steps, side);
            String method = side.equals("left-first") ? "leftThenRight" : "rightThenLeft";
            assertThat(step.heldSite()).as(run.describe())
                    .isEqualTo(SourceMarkers.site(LiveDeadlockMonitors.class, method, "hold:" + side));
            assertThat(step.wantedSite()).as(run.describe())
                    .isEqualTo(SourceMarkers.site(LiveDeadlockMonitors.class, method, "want:" + side));
            assertThat(step.heldLock()).startsWith("java.lang.Object@");
            assertThat(step.heldStackDepth()).isGreaterThan(1);   // the method, then Thread.run
            assertThat(step.wantedStackDepth()).isGreaterThan(1);
        }
        assertThat(run.textReportContent()).contains("deadlock (the threads are blocked for good) involving 2 threads",
                "and waits for java.lang.Object@");
    }

    @Test
    void lockRingOfThreeEndsTheJvmWithItsCycle() {
        AgentRun.Result run = AgentRun.of(LiveDeadlockLocks.class)
                .agentOptions("onDeadlock=exit", "watchdog=200").timeoutSeconds(30).run();

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(86);
        List<Step> steps = occurred(run);
        assertThat(steps).extracting(Step::thread).containsExactlyInAnyOrder("ring-0", "ring-1", "ring-2");
        Report.Site want = SourceMarkers.site(LiveDeadlockLocks.class, "ring", "want:ring");
        Report.Site hold = SourceMarkers.site(LiveDeadlockLocks.class, "ring", "hold:ring");
        for (Step step : steps) {
            assertThat(step.heldLock()).as(run.describe()).startsWith("java.util.concurrent.locks.ReentrantLock$NonfairSync@");
            assertThat(step.wantedSite()).as(run.describe()).isEqualTo(want);
            assertThat(step.heldSite()).as(run.describe()).isEqualTo(hold);
        }
    }

    @Test
    void withoutExitTheReportIsWrittenWhileTheProgramHangs() throws Exception {
        AgentRun.Result run = AgentRun.of(LiveDeadlockMonitors.class).agentOptions("watchdog=200").hangsFor(6).run();

        assertThat(run.stderr()).as(run.describe())
                .contains("threadcheck: deadlock: 2 threads are blocked for good; writing the report now");
        assertThat(occurred(run)).extracting(Step::thread).containsExactlyInAnyOrder("left-first", "right-first");
        assertThat(run.textReportContent()).contains("deadlock (the threads are blocked for good)");
    }

    @Test
    void watchdogOffLeavesAHangingProgramAlone() {
        AgentRun.Result run = AgentRun.of(LiveDeadlockMonitors.class)
                .agentOptions("watchdog=0", "onDeadlock=exit").hangsFor(4).run();

        assertThat(run.stderr()).as(run.describe()).doesNotContain("threadcheck: deadlock");
        assertThat(Files.exists(run.jsonReport())).as(run.describe()).isFalse();
    }
}
