package io.threadcheck.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import programs.DeadlockFree;
import programs.DeadlockStaggered;
import programs.DeadlockThreeLocks;
import programs.DeadlockTransfer;

/**
 * Deadlock prediction on runs that did not deadlock: the cycle is reported, and confirmed,
 * with the site where each thread took its first lock and where it took the second; and lock
 * order inversions that cannot deadlock give no report at all.
 */
class DeadlocksIT {

    record Step(String thread, String heldLock, Report.Site heldSite, String takenLock, Report.Site takenSite) {
        static Step of(JsonNode step) {
            JsonNode held = step.get("held");
            JsonNode taken = step.get("acquired");
            return new Step(step.get("thread").textValue(), held.get("lock").textValue(),
                    Report.Site.fromJson(held.get("site")), taken.get("lock").textValue(),
                    Report.Site.fromJson(taken.get("site")));
        }
    }

    /** The one predicted cycle of the run, checked to be a cycle and to have the status. */
    static List<Step> onlyCycle(AgentRun.Result run, String status) {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        Report report = run.report();
        assertThat(report.races()).as(report.pretty()).isEmpty();
        assertThat(report.deadlocks()).as(report.pretty()).hasSize(1);
        JsonNode deadlock = report.deadlocks().get(0);
        assertThat(deadlock.get("status").textValue()).as(report.pretty()).isEqualTo(status);
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : deadlock.get("cycle")) steps.add(Step.of(s));
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).takenLock()).as(report.pretty()).isEqualTo(steps.get((i + 1) % steps.size()).heldLock());
            assertThat(deadlock.get("cycle").get(i).get("acquired").get("stack").size()).as(report.pretty()).isGreaterThan(1);
        }
        return steps;
    }

    static Step step(List<Step> steps, String thread) {
        return steps.stream().filter(s -> s.thread().equals(thread)).findFirst()
                .orElseThrow(() -> new AssertionError("no step of " + thread + " in " + steps));
    }

    @Test
    void staggeredInversionIsConfirmedWithItsFourSites() {
        AgentRun.Result run = AgentRun.of(DeadlockStaggered.class).run();
        List<Step> steps = onlyCycle(run, "confirmed");
        assertThat(steps).extracting(Step::thread).containsExactlyInAnyOrder("a-then-b", "b-then-a");
        Step ab = step(steps, "a-then-b");
        Step ba = step(steps, "b-then-a");
        assertThat(ab.heldSite()).isEqualTo(SourceMarkers.site(DeadlockStaggered.class, "aThenB", "held:ab"));
        assertThat(ab.takenSite()).isEqualTo(SourceMarkers.site(DeadlockStaggered.class, "aThenB", "take:ab"));
        assertThat(ba.heldSite()).isEqualTo(SourceMarkers.site(DeadlockStaggered.class, "bThenA", "held:ba"));
        assertThat(ba.takenSite()).isEqualTo(SourceMarkers.site(DeadlockStaggered.class, "bThenA", "take:ba"));
        assertThat(run.stdout()).contains("a then b", "b then a", "done");
        assertThat(run.textReportContent()).contains("lock-order inversion (deadlock confirmed");
    }

    @Test
    void threeReentrantLocksInARing() {
        AgentRun.Result run = AgentRun.of(DeadlockThreeLocks.class).run();
        List<Step> steps = onlyCycle(run, "confirmed");
        assertThat(steps).extracting(Step::thread).containsExactlyInAnyOrder("ring-0", "ring-1", "ring-2");
        for (Step s : steps) {
            assertThat(s.heldLock()).startsWith("java.util.concurrent.locks.ReentrantLock@");
            assertThat(s.heldSite()).isEqualTo(SourceMarkers.site(DeadlockThreeLocks.class, "ownThenNext", "held:ring"));
            assertThat(s.takenSite()).isEqualTo(SourceMarkers.site(DeadlockThreeLocks.class, "ownThenNext", "take:ring"));
        }
    }

    @Test
    void transferBothWaysBetweenTwoAccounts() {
        AgentRun.Result run = AgentRun.of(DeadlockTransfer.class).run();
        assertThat(run.stdout()).isEqualTo("200" + System.lineSeparator());
        List<Step> steps = onlyCycle(run, "confirmed");
        assertThat(steps).extracting(Step::thread).containsExactlyInAnyOrder("teller-1", "teller-2");
        for (Step s : steps) {
            assertThat(s.heldLock()).startsWith("programs.DeadlockTransfer$Account@");
            assertThat(s.heldSite()).isEqualTo(SourceMarkers.site(DeadlockTransfer.class, "transfer", "held:transfer"));
            assertThat(s.takenSite()).isEqualTo(SourceMarkers.site(DeadlockTransfer.class, "transfer", "take:transfer"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gate", "joined", "alone", "ordered", "latch", "trylock"})
    void inversionsThatCannotDeadlockAreNotReported(String variant) {
        AgentRun.Result run = AgentRun.of(DeadlockFree.class).args(variant).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).contains("done " + variant);
        Report report = run.report();
        assertThat(report.deadlocks()).as(report.pretty()).isEmpty();
        assertThat(report.races()).as(report.pretty()).isEmpty();
        assertThat(report.run().syncEvents()).as(report.pretty()).isGreaterThan(0);
    }
}
