package io.threadcheck.agent.it;

import static io.threadcheck.agent.it.RaceAssertions.ExpectedAccess.byWorker;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedRace.ordered;
import static io.threadcheck.agent.it.RaceAssertions.assertCleanRun;
import static io.threadcheck.agent.it.RaceAssertions.assertExactlyRaces;
import static io.threadcheck.agent.it.SourceMarkers.lambdaSite;
import static io.threadcheck.agent.it.SourceMarkers.site;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import programs.MethodRefBoundSubtype;
import programs.MethodRefHandoff;
import programs.MethodRefUnsafeRace;

/**
 * A method reference to a modelled method is called from a class the JVM generates, which the
 * agent cannot instrument; the instrumenter routes it through a bridge in the program class, so
 * it is modelled like the direct call.
 */
class MethodReferencesIT {

    @Test
    void insertThroughMethodReferencePublishesTheElements() {
        AgentRun.Result run = AgentRun.of(MethodRefHandoff.class).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        // sum of i + len("item-" + i) for i < 20: 190 + 5*20 + 10 + 2*10
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("sum=320\n");
        assertCleanRun(run.report(), run, 3);
    }

    @Test
    void boundReceiverTypedAsASubtypeStillLinksAndPublishes() {
        // The bridge must take the captured receiver exactly as the call site types it.
        AgentRun.Result run = AgentRun.of(MethodRefBoundSubtype.class).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("value=7\n");
        assertCleanRun(run.report(), run, 2);
    }

    @Test
    void unsafeCollectionUsedThroughMethodReferenceIsReportedAtTheReference() {
        AgentRun.Result run = AgentRun.of(MethodRefUnsafeRace.class).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("filled\n");
        assertExactlyRaces(run.report(), run, ordered("java.util.HashMap.<contents>",
                byWorker("filler-a", "write", lambdaSite(MethodRefUnsafeRace.class, "main", "race:fill-a"),
                        site(MethodRefUnsafeRace.class, "main", "start:filler-a")),
                byWorker("filler-b", "write", lambdaSite(MethodRefUnsafeRace.class, "main", "race:fill-b"),
                        site(MethodRefUnsafeRace.class, "main", "start:filler-b")))
                .withCount(1));
    }
}
