package io.threadcheck.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import programs.DeadlockAfterWarmUp;
import programs.DeadlockFree;
import programs.DeadlockGatedThenNot;
import programs.DeadlockReentrantLock;
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

    /** A→B in thread {@code ab}, B→A in {@code ba}, in methods aThenB and bThenA with the usual markers. */
    static void assertFourSites(List<Step> steps, Class<?> program, String ab, String ba) {
        assertThat(steps).extracting(Step::thread).containsExactlyInAnyOrder(ab, ba);
        assertThat(step(steps, ab).heldSite()).isEqualTo(SourceMarkers.site(program, "aThenB", "held:ab"));
        assertThat(step(steps, ab).takenSite()).isEqualTo(SourceMarkers.site(program, "aThenB", "take:ab"));
        assertThat(step(steps, ba).heldSite()).isEqualTo(SourceMarkers.site(program, "bThenA", "held:ba"));
        assertThat(step(steps, ba).takenSite()).isEqualTo(SourceMarkers.site(program, "bThenA", "take:ba"));
    }

    @Test
    void staggeredInversionWithReentrantLocksIsConfirmed() {
        AgentRun.Result run = AgentRun.of(DeadlockReentrantLock.class).run();
        List<Step> steps = onlyCycle(run, "confirmed");
        assertFourSites(steps, DeadlockReentrantLock.class, "a-then-b", "b-then-a");
        assertThat(steps).extracting(Step::heldLock).allMatch(l -> l.startsWith("java.util.concurrent.locks.ReentrantLock@"));
    }

    /**
     * The first A→B is ordered before the other thread by its start; the second is not. An edge
     * judged by its first occurrence alone would drop the cycle.
     */
    @Test
    void anOrderedFirstOccurrenceDoesNotHideALaterOne() {
        AgentRun.Result run = AgentRun.of(DeadlockAfterWarmUp.class).run();
        List<Step> steps = onlyCycle(run, "confirmed");
        assertFourSites(steps, DeadlockAfterWarmUp.class, "main", "b-then-a");
        // the held lock's stack: where it was taken, then the caller of that method, as at the
        // edge's first occurrence (an edge keeps the stacks of its first occurrence)
        JsonNode mainStep = null;
        for (JsonNode s : run.report().deadlocks().get(0).get("cycle")) {
            if (s.get("thread").textValue().equals("main")) mainStep = s;
        }
        assertThat(mainStep).isNotNull();
        JsonNode heldStack = mainStep.get("held").get("stack");
        assertThat(Report.Site.fromJson(heldStack.get(0)))
                .isEqualTo(SourceMarkers.site(DeadlockAfterWarmUp.class, "aThenB", "held:ab"));
        assertThat(Report.Site.fromJson(heldStack.get(1)))
                .isEqualTo(SourceMarkers.site(DeadlockAfterWarmUp.class, "main", "call:warm-up"));
    }

    /** A→B taken once inside the gate both threads use, then once outside it: the gate set is part of the edge. */
    @Test
    void aGateOnOneOccurrenceDoesNotHideAnUngatedOne() {
        AgentRun.Result run = AgentRun.of(DeadlockGatedThenNot.class).run();
        List<Step> steps = onlyCycle(run, "confirmed");
        assertFourSites(steps, DeadlockGatedThenNot.class, "a-then-b", "b-then-a");
    }
}
