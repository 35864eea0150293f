package io.threadcheck.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.threadcheck.core.record.Site;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Report} as JSON, schema {@value Report#SCHEMA} (see {@code docs/report-format.md}).
 *
 * <p>The schema is a public contract: keys may be added in later versions, never removed or
 * renamed. Output is pretty-printed, two-space indented, with {@code \n} line ends, and
 * deterministic: the same report always gives the same bytes. Uses only Jackson's streaming
 * API so the agent stays small. Instances are stateless and thread-safe.
 */
public final class JsonReportWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** Writes {@code report} to {@code out}, flushing but not closing it. */
    public void write(Report report, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(prettyPrinter());
            writeReport(g, report);
            g.writeRaw('\n');
        }
        out.flush();
    }

    /** Writes {@code report} to {@code file} in UTF-8, replacing it; parent directories are created. */
    public void write(Report report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(report, out);
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        return pp;
    }

    private static void writeReport(JsonGenerator g, Report report) throws IOException {
        g.writeStartObject();
        g.writeStringField("schema", Report.SCHEMA);

        g.writeArrayFieldStart("races");
        for (RaceReport race : report.races()) writeRace(g, race);
        g.writeEndArray();

        g.writeArrayFieldStart("deadlocks");
        for (DeadlockReport deadlock : report.deadlocks()) writeDeadlock(g, deadlock);
        g.writeEndArray();

        g.writeArrayFieldStart("contention");
        for (ContentionReport c : report.contention()) writeContention(g, c);
        g.writeEndArray();

        g.writeFieldName("run");
        writeRun(g, report.run());
        g.writeEndObject();
    }

    private static void writeRace(JsonGenerator g, RaceReport race) throws IOException {
        g.writeStartObject();
        g.writeStringField("variable", race.variable());
        g.writeNumberField("count", race.count());
        g.writeArrayFieldStart("accesses");
        writeAccess(g, race.earlier());
        writeAccess(g, race.later());
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeAccess(JsonGenerator g, Access a) throws IOException {
        if (a == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("thread", a.thread());
        g.writeNumberField("tid", a.tid());
        g.writeStringField("op", a.op());
        g.writeFieldName("site");
        writeSite(g, a.site());
        g.writeFieldName("stack");
        writeSites(g, a.stack());
        g.writeArrayFieldStart("locksHeld");
        for (String lock : a.locksHeld()) g.writeString(lock);
        g.writeEndArray();
        g.writeStringField("startedBy", a.startedBy());
        g.writeFieldName("startStack");
        writeSites(g, a.startStack());
        g.writeEndObject();
    }

    private static void writeDeadlock(JsonGenerator g, DeadlockReport deadlock) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("cycle");
        for (DeadlockReport.Step step : deadlock.cycle()) {
            g.writeStartObject();
            g.writeStringField("thread", step.thread());
            g.writeFieldName("held");
            writeLockAt(g, step.heldLock(), step.heldSite(), step.heldStack());
            g.writeFieldName("acquired");
            writeLockAt(g, step.acquiredLock(), step.acquiredSite(), step.acquiredStack());
            g.writeNumberField("tid", step.tid());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("status", deadlock.status().json());
        g.writeNumberField("count", deadlock.count());
        g.writeEndObject();
    }

    private static void writeLockAt(JsonGenerator g, String lock, Site site, List<Site> stack) throws IOException {
        g.writeStartObject();
        g.writeStringField("lock", lock);
        g.writeFieldName("site");
        writeSite(g, site);
        g.writeFieldName("stack");
        writeSites(g, stack);
        g.writeEndObject();
    }

    private static void writeContention(JsonGenerator g, ContentionReport c) throws IOException {
        g.writeStartObject();
        g.writeStringField("lock", c.lock());
        g.writeFieldName("site");
        writeSite(g, c.site());
        g.writeNumberField("acquisitions", c.acquisitions());
        g.writeNumberField("contended", c.contended());
        g.writeNumberField("waitNanos", c.waitNanos());
        g.writeNumberField("maxWaitNanos", c.maxWaitNanos());
        g.writeNumberField("holdNanos", c.holdNanos());
        g.writeStringField("kind", c.kind());
        g.writeNumberField("meanWaitNanos", c.meanWaitNanos());
        g.writeNumberField("p50WaitNanos", c.p50WaitNanos());
        g.writeNumberField("p90WaitNanos", c.p90WaitNanos());
        g.writeNumberField("p99WaitNanos", c.p99WaitNanos());
        g.writeNumberField("conditionWaitNanos", c.conditionWaitNanos());
        g.writeNumberField("holdShare", c.holdShare());
        g.writeArrayFieldStart("waitingSites");
        for (ContentionReport.SiteTime t : c.waitingSites()) writeSiteTime(g, t);
        g.writeEndArray();
        g.writeArrayFieldStart("holdingSites");
        for (ContentionReport.SiteTime t : c.holdingSites()) writeSiteTime(g, t);
        g.writeEndArray();
        g.writeArrayFieldStart("blame");
        for (ContentionReport.Blame b : c.blame()) {
            g.writeStartObject();
            g.writeFieldName("holder");
            writeSite(g, b.holder());
            g.writeFieldName("waiter");
            writeSite(g, b.waiter());
            g.writeNumberField("count", b.count());
            g.writeNumberField("waitNanos", b.waitNanos());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeSiteTime(JsonGenerator g, ContentionReport.SiteTime t) throws IOException {
        g.writeStartObject();
        g.writeFieldName("site");
        writeSite(g, t.site());
        g.writeNumberField("count", t.count());
        g.writeNumberField("nanos", t.nanos());
        g.writeEndObject();
    }

    private static void writeRun(JsonGenerator g, RunSummary run) throws IOException {
        if (run == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("threads", run.threads());
        g.writeNumberField("instrumentedClasses", run.instrumentedClasses());
        g.writeNumberField("accesses", run.accesses());
        g.writeNumberField("syncEvents", run.syncEvents());
        g.writeNumberField("durationMillis", run.durationMillis());
        g.writeEndObject();
    }

    private static void writeSites(JsonGenerator g, List<Site> sites) throws IOException {
        g.writeStartArray();
        for (Site site : sites) writeSite(g, site);
        g.writeEndArray();
    }

    /**
     * A site: "method" is the name as written in source; a lambda body additionally carries
     * {@code "lambda": true} and its synthetic {@code "bytecodeMethod"} so it reads back exactly.
     */
    static void writeSite(JsonGenerator g, Site site) throws IOException {
        if (site == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("class", site.className());
        g.writeStringField("method", site.sourceMethod());
        if (site.isLambda()) {
            g.writeBooleanField("lambda", true);
            g.writeStringField("bytecodeMethod", site.method());
        }
        g.writeStringField("file", site.file());
        g.writeNumberField("line", site.line());
        g.writeEndObject();
    }
}
