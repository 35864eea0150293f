package io.threadcheck.agent.it;

import static io.threadcheck.agent.it.RaceAssertions.ExpectedAccess.byMain;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedAccess.byWorker;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedRace.ordered;
import static io.threadcheck.agent.it.RaceAssertions.ExpectedRace.unordered;
import static io.threadcheck.agent.it.RaceAssertions.assertExactlyRaces;
import static io.threadcheck.agent.it.SourceMarkers.line;
import static io.threadcheck.agent.it.SourceMarkers.site;
import static org.assertj.core.api.Assertions.assertThat;

import io.threadcheck.agent.it.RaceAssertions.ExpectedAccess;
import io.threadcheck.agent.it.RaceAssertions.ExpectedRace;
import org.junit.jupiter.api.Test;
import programs.AccessBulkArrayRaces;
import programs.AccessBulkArrayRanges;
import programs.AccessLeakedObject;
import programs.AccessReflectionRaces;
import programs.AccessReflectionTurns;

/**
 * Reads and writes made without field or array instructions (System.arraycopy, Arrays, clone,
 * reflection) are recorded at the caller's line; objects leaked without synchronisation race
 * on their non-final fields only.
 */
class AccessIT {

    @Test
    void bulkArrayOperationsRaceWithPlainAccessesOfTheirRange() {
        AgentRun.Result run = AtomicsIT.run(AccessBulkArrayRaces.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("done\n");
        Class<?> p = AccessBulkArrayRaces.class;
        assertExactlyRaces(run.report(), run,
                bulkRace("int", 2, "copy-bulk", "write", "copy-plain", "write").withCount(4),
                bulkRace("int", 3, "fill", "write", "fill-read", "read"),
                bulkRace("int", 1, "set-all", "write", "set-all-write", "write"),
                bulkRace("java\\.lang\\.Integer", 0, "sort", "write", "sort-write", "write"),
                bulkRace("int", 1, "parallel-sort", "write", "parallel-sort-read", "read"),
                bulkRace("int", 2, "copy-of", "read", "copy-of-write", "write"),
                bulkRace("int", 3, "copy-of-range", "read", "copy-of-range-write", "write"),
                bulkRace("long", 1, "equals", "read", "equals-write", "write"),
                bulkRace("int", 0, "hash-code", "read", "hash-code-write", "write"),
                bulkRace("java\\.lang\\.String", 2, "clone", "read", "clone-write", "write"));
    }

    /** The bulk thread's operation at {@code bulkMarker} races with the plain thread's access at {@code plainMarker}. */
    private static ExpectedRace bulkRace(String elementType, int index, String bulkMarker, String bulkOp,
                                         String plainMarker, String plainOp) {
        Class<?> p = AccessBulkArrayRaces.class;
        String regex = elementType + "\\[\\]@[0-9a-f]+\\[" + index + "\\]";
        return unordered(regex,
                byWorker("bulk", bulkOp, site(p, "bulk", "race:" + bulkMarker), site(p, "main", "start:bulk")),
                byWorker("plain", plainOp, site(p, "plain", "race:" + plainMarker), site(p, "main", "start:plain")))
                .variableMatching(regex).withCount(1);
    }

    @Test
    void bulkArrayOperationsOnDistinctRangesDoNotRace() {
        AtomicsIT.runClean(AccessBulkArrayRanges.class,
                "[1, 2, 3, 4, 5, 6, 7, 8] [7, 7, 7, 0, 1, 0] [1, 2, 3, 4, 0, 9] [2, 3, 1, 9] 29615142 true [1, 2, 3, 0]\n",
                3);
    }

    @Test
    void reflectiveAccessesOrderedByReflectiveVolatilesDoNotRace() {
        AtomicsIT.runClean(AccessReflectionTurns.class,
                "instance=780 data=280 cells=20,20 static=780 staticData=780\n", 5);
    }

    @Test
    void reflectiveAccessesRaceWithPlainOnes() {
        AgentRun.Result run = AtomicsIT.run(AccessReflectionRaces.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("done\n");
        Class<?> p = AccessReflectionRaces.class;
        assertExactlyRaces(run.report(), run,
                reflectionRace("programs.AccessReflectionRaces.written", "write", "reflective-write", "read", "plain-read"),
                reflectionRace("programs.AccessReflectionRaces.staticWritten", "write", "reflective-static-write",
                        "read", "plain-static-read"),
                reflectionRace("programs.AccessReflectionRaces.read", "read", "reflective-read", "write", "plain-write"),
                reflectionRace("int[]@<hash>[1]", "write", "array-set", "read", "plain-element-read")
                        .variableMatching("int\\[\\]@[0-9a-f]+\\[1\\]"));
    }

    private static ExpectedRace reflectionRace(String variable, String reflectiveOp, String reflectiveMarker,
                                               String plainOp, String plainMarker) {
        Class<?> p = AccessReflectionRaces.class;
        ExpectedAccess reflective = byWorker("reflective", reflectiveOp, site(p, "reflective", "race:" + reflectiveMarker),
                site(p, "main", "start:reflective"));
        ExpectedAccess plain = byWorker("plain", plainOp, site(p, "plain", "race:" + plainMarker),
                site(p, "main", "start:plain"));
        return unordered(variable, reflective, plain).withCount(1);
    }

    @Test
    void leakedObjectRacesOnItsNonFinalFieldsOnly() {
        AgentRun.Result run = AtomicsIT.run(AccessLeakedObject.class);
        assertThat(run.stdout()).as(run.describe()).isEqualToNormalizingNewlines("seen=42\n");
        Class<?> p = AccessLeakedObject.class;
        ExpectedAccess reader = byWorker("reader", "read", site(p, "read", "race:mutable-read"),
                site(p, "main", "start:reader"));
        Report.Site constructor = new Report.Site(p.getName() + "$Holder", "<init>", p.getSimpleName() + ".java",
                line(p, "race:constructor-write"), false);
        assertExactlyRaces(run.report(), run,
                // Polled many times, before and after the publishing write: one entry, any count.
                unordered("programs.AccessLeakedObject.shared",
                        byWorker("reader", "read", site(p, "read", "race:poll"), site(p, "main", "start:reader")),
                        byMain("write", site(p, "main", "race:publish"))),
                ordered("programs.AccessLeakedObject$Holder.mutable", byMain("write", constructor), reader).withCount(1));
    }
}
