package io.threadcheck.core.report;

import static io.threadcheck.core.report.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.threadcheck.core.record.Site;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String json(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new JsonReportWriter().write(report, out);
        return out.toString();
    }

    private static JsonNode tree(Report report) throws IOException {
        return MAPPER.readTree(json(report));
    }

    private static Set<String> keys(JsonNode node) {
        assertThat(node.isObject()).as("object: %s", node).isTrue();
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void topLevelHasExactlyTheContractKeysSchemaFirst() throws IOException {
        JsonNode root = tree(full());
        assertThat(root.fieldNames().next()).isEqualTo("schema");
        assertThat(keys(root)).containsExactlyInAnyOrder("schema", "races", "deadlocks", "contention", "run");
        assertThat(root.get("schema").textValue()).isEqualTo("threadcheck-report/1");
        assertThat(root.get("races").isArray()).isTrue();
        assertThat(root.get("deadlocks").isArray()).isTrue();
        assertThat(root.get("contention").isArray()).isTrue();
    }

    @Test
    void raceAndAccessHaveTheContractKeysAndTypes() throws IOException {
        JsonNode race = tree(new Report(List.of(counterRace(3)), List.of(), List.of(), RUN_SUMMARY)).get("races").get(0);
        assertThat(keys(race)).containsExactlyInAnyOrder("variable", "count", "accesses");
        assertThat(race.get("variable").textValue()).isEqualTo("com.example.Counter.count");
        assertThat(race.get("count").isIntegralNumber()).isTrue();
        assertThat(race.get("count").longValue()).isEqualTo(3);
        assertThat(race.get("accesses")).hasSize(2);

        JsonNode earlier = race.get("accesses").get(0);
        JsonNode later = race.get("accesses").get(1);
        for (JsonNode a : List.of(earlier, later)) {
            assertThat(keys(a)).containsExactlyInAnyOrder(
                    "thread", "tid", "op", "site", "stack", "locksHeld", "startedBy", "startStack");
            assertThat(a.get("thread").isTextual()).isTrue();
            assertThat(a.get("tid").isInt()).isTrue();
            assertThat(a.get("op").textValue()).isIn("read", "write");
            assertThat(a.get("stack").isArray()).isTrue();
            assertThat(a.get("locksHeld").isArray()).isTrue();
            assertThat(a.get("startStack").isArray()).isTrue();
        }
        // earlier first, then later
        assertThat(earlier.get("thread").textValue()).isEqualTo("worker-1");
        assertThat(earlier.get("tid").intValue()).isEqualTo(1);
        assertThat(earlier.get("locksHeld").get(0).textValue()).isEqualTo("java.lang.Object@1b6d3586");
        assertThat(earlier.get("startedBy").textValue()).isEqualTo("main");
        assertThat(later.get("thread").textValue()).isEqualTo("worker-2");
        assertThat(later.get("locksHeld")).isEmpty();
        // innermost first
        assertThat(earlier.get("stack").get(0).get("method").textValue()).isEqualTo("inc");
        assertThat(earlier.get("stack").get(2).get("class").textValue()).isEqualTo("java.lang.Thread");
        assertThat(earlier.get("startStack").get(0).get("line").intValue()).isEqualTo(20);
    }

    @Test
    void unknownStarterIsNullAndStartStackEmpty() throws IOException {
        JsonNode earlier = tree(new Report(List.of(arrayRace()), List.of(), List.of(), RUN_SUMMARY))
                .get("races").get(0).get("accesses").get(0);
        assertThat(earlier.has("startedBy")).isTrue();
        assertThat(earlier.get("startedBy").getNodeType()).isEqualTo(JsonNodeType.NULL);
        assertThat(earlier.get("startStack")).isEmpty();
    }

    @Test
    void plainSiteHasClassMethodFileLineOnly() throws IOException {
        JsonNode site = tree(new Report(List.of(counterRace(1)), List.of(), List.of(), RUN_SUMMARY))
                .get("races").get(0).get("accesses").get(0).get("site");
        assertThat(keys(site)).containsExactlyInAnyOrder("class", "method", "file", "line");
        assertThat(site.get("class").textValue()).isEqualTo("com.example.Counter");
        assertThat(site.get("method").textValue()).isEqualTo("inc");
        assertThat(site.get("file").textValue()).isEqualTo("Counter.java");
        assertThat(site.get("line").isInt()).isTrue();
        assertThat(site.get("line").intValue()).isEqualTo(12);
    }

    @Test
    void lambdaSiteIsNamedAfterItsEnclosingMethodAndKeepsTheBytecodeName() throws IOException {
        JsonNode site = tree(new Report(List.of(arrayRace()), List.of(), List.of(), RUN_SUMMARY))
                .get("races").get(0).get("accesses").get(1).get("site");
        assertThat(keys(site)).containsExactlyInAnyOrder("class", "method", "lambda", "bytecodeMethod", "file", "line");
        assertThat(site.get("method").textValue()).isEqualTo("main");
        assertThat(site.get("lambda").booleanValue()).isTrue();
        assertThat(site.get("bytecodeMethod").textValue()).isEqualTo("lambda$main$0");
        assertThat(site.get("line").intValue()).isEqualTo(17);
    }

    @Test
    void siteWithoutDebugInfoHasNullFileAndLineZero() throws IOException {
        JsonNode site = tree(new Report(List.of(arrayRace()), List.of(), List.of(), RUN_SUMMARY))
                .get("races").get(0).get("accesses").get(0).get("site");
        assertThat(keys(site)).containsExactlyInAnyOrder("class", "method", "file", "line");
        assertThat(site.get("file").isNull()).isTrue();
        assertThat(site.get("line").intValue()).isZero();
    }

    @Test
    void deadlockContentionAndRunHaveTheContractKeys() throws IOException {
        JsonNode root = tree(full());
        JsonNode step = root.get("deadlocks").get(0).get("cycle").get(0);
        assertThat(keys(root.get("deadlocks").get(0))).containsExactlyInAnyOrder("cycle", "status", "count");
        assertThat(root.get("deadlocks").get(0).get("status").textValue()).isEqualTo("confirmed");
        assertThat(root.get("deadlocks").get(0).get("count").longValue()).isEqualTo(2);
        assertThat(step.get("tid").intValue()).isEqualTo(1);
        assertThat(step.get("held").get("stack")).hasSize(2);
        assertThat(keys(step)).containsExactlyInAnyOrder("thread", "held", "acquired", "tid");
        assertThat(step.get("thread").textValue()).isEqualTo("t1");
        assertThat(keys(step.get("held"))).containsExactlyInAnyOrder("lock", "site", "stack");
        assertThat(keys(step.get("acquired"))).containsExactlyInAnyOrder("lock", "site", "stack");
        assertThat(step.get("held").get("lock").textValue()).isEqualTo("com.example.Account@11");
        assertThat(step.get("acquired").get("site").get("line").intValue()).isEqualTo(31);

        JsonNode c = root.get("contention").get(0);
        assertThat(keys(c)).containsExactlyInAnyOrder(
                "lock", "site", "acquisitions", "contended", "waitNanos", "maxWaitNanos", "holdNanos",
                "kind", "meanWaitNanos", "p50WaitNanos", "p90WaitNanos", "p99WaitNanos", "conditionWaitNanos",
                "holdShare", "waitingSites", "holdingSites", "blame");
        for (String k : List.of("acquisitions", "contended", "waitNanos", "maxWaitNanos", "holdNanos",
                "meanWaitNanos", "p50WaitNanos", "p90WaitNanos", "p99WaitNanos", "conditionWaitNanos")) {
            assertThat(c.get(k).isIntegralNumber()).as(k).isTrue();
        }
        assertThat(c.get("kind").textValue()).isEqualTo("monitor");
        assertThat(c.get("meanWaitNanos").longValue()).isEqualTo(12_345_678 / 30);
        assertThat(c.get("holdShare").doubleValue()).isEqualTo(0.25);
        assertThat(keys(c.get("waitingSites").get(0))).containsExactlyInAnyOrder("site", "count", "nanos");
        assertThat(keys(c.get("blame").get(0))).containsExactlyInAnyOrder("holder", "waiter", "count", "waitNanos");
        assertThat(c.get("blame").get(0).get("holder").get("line").intValue()).isEqualTo(12);
        assertThat(c.get("waitNanos").longValue()).isEqualTo(12_345_678);
        assertThat(root.get("contention").get(1).get("site").isNull()).isTrue();

        JsonNode run = root.get("run");
        assertThat(keys(run)).containsExactlyInAnyOrder(
                "threads", "instrumentedClasses", "accesses", "syncEvents", "durationMillis");
        assertThat(run.get("threads").intValue()).isEqualTo(3);
        assertThat(run.get("instrumentedClasses").longValue()).isEqualTo(5);
        assertThat(run.get("accesses").longValue()).isEqualTo(2000);
        assertThat(run.get("syncEvents").longValue()).isEqualTo(12);
        assertThat(run.get("durationMillis").longValue()).isEqualTo(150);
    }

    @Test
    void cleanReportHasEmptyListsAndTheRun() throws IOException {
        JsonNode root = tree(clean());
        assertThat(root.get("races")).isEmpty();
        assertThat(root.get("deadlocks")).isEmpty();
        assertThat(root.get("contention")).isEmpty();
        assertThat(root.get("run").get("threads").intValue()).isEqualTo(3);
    }

    @Test
    void everySiteEverywhereHasTheSiteKeys() throws IOException {
        List<JsonNode> sites = new ArrayList<>();
        collectSites(tree(full()), sites);
        assertThat(sites).hasSizeGreaterThan(10);
        for (JsonNode site : sites) {
            Set<String> keys = keys(site);
            assertThat(keys).containsAll(List.of("class", "method", "file", "line"));
            assertThat(keys.contains("lambda")).isEqualTo(keys.contains("bytecodeMethod"));
            assertThat(site.get("class").isTextual()).isTrue();
            assertThat(site.get("method").textValue()).doesNotStartWith("lambda$");
        }
    }

    private static void collectSites(JsonNode node, List<JsonNode> out) {
        if (node.isObject() && node.has("class") && node.has("method")) {
            out.add(node);
            return;
        }
        node.forEach(child -> collectSites(child, out));
    }

    @Test
    void outputIsPrettyPrintedDeterministicAndLeavesTheWriterOpen() throws IOException {
        String first = json(full());
        assertThat(first).isEqualTo(json(full()));
        assertThat(first).startsWith("{\n  \"schema\": \"threadcheck-report/1\",\n  \"races\": [\n");
        assertThat(first).endsWith("}\n");
        assertThat(first).doesNotContain("\r");

        StringWriter out = new StringWriter();
        new JsonReportWriter().write(clean(), out);
        out.write("still open");
        assertThat(out.toString()).endsWith("}\nstill open");
    }

    @Test
    void writesAFileInUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/threadcheck-report.json");
        new JsonReportWriter().write(full(), file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(json(full()));
        assertThat(text).contains("com.example.Zähler.n");
        assertThat(MAPPER.readTree(text).get("races").get(2).get("count").longValue()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void nullSitesAndRunAreWrittenAsNull() throws IOException {
        Access a = new Access("t", 1, "read", null, List.of(), List.of(), null, List.of());
        JsonNode root = tree(new Report(List.of(new RaceReport("v", a, a, 1)), List.of(),
                List.of(new ContentionReport("l", (Site) null, 1, 0, 0, 0, 0)), null));
        assertThat(root.get("races").get(0).get("accesses").get(0).get("site").isNull()).isTrue();
        assertThat(root.get("run").isNull()).isTrue();
    }
}
