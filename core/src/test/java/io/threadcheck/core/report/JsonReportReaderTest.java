package io.threadcheck.core.report;

import static io.threadcheck.core.report.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.threadcheck.core.record.Site;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReportReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String json(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new JsonReportWriter().write(report, out);
        return out.toString();
    }

    private static Report read(String json) throws IOException {
        return new JsonReportReader().read(new StringReader(json), "report.json");
    }

    @Test
    void roundTripIsLossless() throws IOException {
        Report full = full();
        assertThat(read(json(full))).isEqualTo(full);
    }

    @Test
    void roundTripOfCleanAndOddReports() throws IOException {
        assertThat(read(json(clean()))).isEqualTo(clean());

        Access noSite = new Access(null, Integer.MAX_VALUE, null, null, List.of(), List.of(), null, List.of());
        Report odd = new Report(
                List.of(new RaceReport(null, noSite, null, 0)),
                List.of(new DeadlockReport(List.of()),
                        new DeadlockReport(List.of(new DeadlockReport.Step(null, null, null, null, null)))),
                List.of(new ContentionReport(null, null, -1, Long.MIN_VALUE, 0, 0, Long.MAX_VALUE)),
                null);
        assertThat(read(json(odd))).isEqualTo(odd);
    }

    @Test
    void lambdaSitesComeBackWithTheBytecodeName() throws IOException {
        Report back = read(json(new Report(List.of(arrayRace()), List.of(), List.of(), RUN_SUMMARY)));
        Site site = back.races().get(0).later().site();
        assertThat(site.method()).isEqualTo("lambda$main$0");
        assertThat(site.isLambda()).isTrue();
        assertThat(site.sourceMethod()).isEqualTo("main");
        assertThat(site.toFrameString()).isEqualTo("Counter.main[lambda](Counter.java:17)");
    }

    @Test
    void siteWithoutBytecodeMethodUsesMethod() throws IOException {
        String json = json(new Report(List.of(arrayRace()), List.of(), List.of(), RUN_SUMMARY))
                .replace("\"bytecodeMethod\": \"lambda$main$0\",", "");
        assertThat(json).doesNotContain("bytecodeMethod");
        assertThat(read(json).races().get(0).later().site().method()).isEqualTo("main");
    }

    @Test
    void unknownKeysAnywhereAreSkipped() throws IOException {
        JsonNode tree = MAPPER.readTree(json(full()));
        addExtras(tree);
        String extended = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        assertThat(extended).contains("\"x-future\"");
        assertThat(read(extended)).isEqualTo(full());
    }

    private static void addExtras(JsonNode node) {
        node.forEach(JsonReportReaderTest::addExtras);
        if (node instanceof ObjectNode object) {
            ObjectNode extra = object.putObject("x-future");
            extra.putArray("list").add(1).add(2.5).addObject().putNull("n");
            extra.put("flag", true);
            object.put("x-note", "ignored");
        }
    }

    @Test
    void keysInAnyOrder() throws IOException {
        String json = "{\"run\": null, \"contention\": [], \"deadlocks\": [], \"races\": [],"
                + " \"schema\": \"threadcheck-report/1\"}";
        assertThat(read(json)).isEqualTo(new Report(List.of(), List.of(), List.of(), null));
    }

    @Test
    void readsAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.json");
        new JsonReportWriter().write(full(), file);
        assertThat(new JsonReportReader().read(file)).isEqualTo(full());
    }

    @Test
    void errorsFromAFileNameTheFileAndPosition(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"schema\": \"threadcheck-report/1\",\n  \"races\": [ {,\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new JsonReportReader().read(file))
                .isInstanceOf(IOException.class)
                .satisfies(e -> assertOneLine(e.getMessage()))
                .hasMessageStartingWith(file + ":3:");
    }

    @Test
    void foreignSchemaIsRejected() {
        assertThatThrownBy(() -> read("{\"schema\": \"threadcheck-report/2\", \"races\": []}"))
                .isInstanceOf(IOException.class)
                .hasMessage("report.json:1:12: not a threadcheck report: schema is \"threadcheck-report/2\","
                        + " expected \"threadcheck-report/1\"");
    }

    @Test
    void missingSchemaIsRejected() {
        assertThatThrownBy(() -> read("{\"name\": \"some other json\", \"version\": 3}"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("report.json:1:")
                .hasMessageContaining("no \"schema\" key");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "not json at all",
        "[1, 2, 3]",
        "\"threadcheck-report/1\"",
        "{\"schema\": 1}",
        "{\"schema\": \"threadcheck-report/1\"",
        "{\"schema\": \"threadcheck-report/1\", \"races\": [",
        "{\"schema\": \"threadcheck-report/1\", \"races\": {}, \"deadlocks\": [], \"contention\": [], \"run\": null}",
        "{\"schema\": \"threadcheck-report/1\", \"races\": [], \"deadlocks\": [], \"contention\": []}",
        "{\"schema\": \"threadcheck-report/1\", \"races\": [], \"deadlocks\": [], \"contention\": [], \"run\": 5}",
        "{\"schema\": \"threadcheck-report/1\", \"races\": [], \"deadlocks\": [], \"contention\": [], \"run\": null} {}",
        "{\"schema\": \"threadcheck-report/1\", \"schema\": \"threadcheck-report/1\"}",
        "{\"schema\": \"threadcheck-report/1\", \"races\": [null], \"deadlocks\": [], \"contention\": [], \"run\": null}",
        "{\"schema\": \"threadcheck-report/1\", 'races': []}",
    })
    void malformedOrForeignInputIsAOneLineIOException(String input) {
        assertThatThrownBy(() -> read(input))
                .isInstanceOf(IOException.class)
                .satisfies(e -> assertOneLine(e.getMessage()))
                .hasMessageStartingWith("report.json");
    }

    @Test
    void raceMustHaveExactlyTwoAccesses() throws IOException {
        String json = json(new Report(List.of(counterRace(2)), List.of(), List.of(), RUN_SUMMARY));
        JsonNode tree = MAPPER.readTree(json);
        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.get("races").get(0).get("accesses")).remove(1);
        assertThatThrownBy(() -> read(MAPPER.writeValueAsString(tree)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exactly two accesses, found 1");
    }

    @Test
    void wrongTypesAndMissingKeysAreNamed() throws IOException {
        String json = json(new Report(List.of(counterRace(2)), List.of(), List.of(), RUN_SUMMARY));

        assertThatThrownBy(() -> read(json.replaceFirst("\"tid\": 1", "\"tid\": \"one\"")))
                .hasMessageContaining("\"tid\" must be an integer, found the string \"one\"");
        assertThatThrownBy(() -> read(json.replaceFirst("\"tid\": 1", "\"tid\": 1.5")))
                .hasMessageContaining("\"tid\" must be an integer");
        assertThatThrownBy(() -> read(json.replaceFirst("\"tid\": 1", "\"tid\": 99999999999")))
                .isInstanceOf(IOException.class)
                .satisfies(e -> assertOneLine(e.getMessage()));
        assertThatThrownBy(() -> read(json.replaceFirst("\"class\": \"com.example.Counter\",", "")))
                .hasMessageContaining("site has no \"class\" key");
        assertThatThrownBy(() -> read(json.replaceFirst("\"method\": \"inc\"", "\"method\": null")))
                .hasMessageContaining("\"method\" must be a string, found null");
        assertThatThrownBy(() -> read(json.replaceFirst("\"op\": \"write\",", "")))
                .hasMessageContaining("access has no \"op\" key");
        assertThatThrownBy(() -> read(json.replaceFirst("\"locksHeld\": \\[\n", "\"locksHeld\": [ null,\n")))
                .hasMessageContaining("\"lock\" must be a string, found null");
    }

    @Test
    void errorPositionPointsAtTheOffendingValue() throws IOException {
        String json = json(new Report(List.of(counterRace(2)), List.of(), List.of(), RUN_SUMMARY))
                .replaceFirst("\"count\": 2", "\"count\": true");
        String[] lines = json.split("\n", -1);
        int line = 0;
        while (!lines[line].contains("\"count\": true")) line++;
        int column = lines[line].indexOf("true") + 1;
        assertThatThrownBy(() -> read(json))
                .hasMessage("report.json:" + (line + 1) + ":" + column + ": \"count\" must be an integer, found true");
    }

    @Test
    void truncatedInputSaysWhereTheOpenObjectStarted() {
        assertThatThrownBy(() -> read("{\n  \"schema\": \"threadcheck-report/1\""))
                .hasMessage("report.json:2:35: Unexpected end-of-input: expected close marker for Object"
                        + " (start marker at line 1, column 1)");
    }

    @Test
    void readerWithoutNameSaysInput() {
        assertThatThrownBy(() -> new JsonReportReader().read(new StringReader("{}")))
                .hasMessageStartingWith("<input>:");
    }

    private static void assertOneLine(String message) {
        assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain("\r");
    }
}
