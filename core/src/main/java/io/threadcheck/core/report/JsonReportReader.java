package io.threadcheck.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.threadcheck.core.record.Site;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON report of schema {@value Report#SCHEMA} (as {@link JsonReportWriter} writes it)
 * back into a {@link Report}.
 *
 * <p>Keys this version does not know are skipped, so reports from later, extended writers read
 * fine. Every key of the version-1 contract must be present. Anything else wrong &mdash; not
 * JSON, not an object, another schema, a missing key, a value of the wrong type &mdash; is an
 * {@link IOException} whose message is one line: {@code <source>:<line>:<column>: <what>}.
 * Instances are stateless and thread-safe.
 */
public final class JsonReportReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** Reads the report in {@code file} (UTF-8, -16 or -32, detected). */
    public Report read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             JsonParser p = FACTORY.createParser(in)) {
            return new Parse(p, file.toString()).report();
        }
    }

    /** Reads a report from {@code in}, which is not closed; errors name the source "&lt;input&gt;". */
    public Report read(Reader in) throws IOException {
        return read(in, "<input>");
    }

    /** Reads a report from {@code in}, which is not closed; {@code sourceName} is used in error messages. */
    public Report read(Reader in, String sourceName) throws IOException {
        JsonParser p = FACTORY.createParser(in);
        p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        try (p) {
            return new Parse(p, sourceName).report();
        }
    }

    /** One parse: the parser, and the name to put in front of error messages. */
    private static final class Parse {
        private final JsonParser p;
        private final String source;

        Parse(JsonParser p, String source) {
            this.p = p;
            this.source = source;
        }

        Report report() throws IOException {
            try {
                return readReport();
            } catch (JsonProcessingException e) {
                // getMessage() appends the location on a second line; keep our one-line form instead.
                throw error(e.getLocation(), e.getOriginalMessage());
            }
        }

        private Report readReport() throws IOException {
            JsonToken first = p.nextToken();
            if (first == null) throw error("not a threadcheck report: the input is empty");
            if (first != JsonToken.START_OBJECT) {
                throw error("not a threadcheck report: expected a JSON object, found " + describe(first));
            }
            List<RaceReport> races = null;
            List<DeadlockReport> deadlocks = null;
            List<ContentionReport> contention = null;
            RunSummary run = null;
            Set<String> seen = new HashSet<>();
            while (nextField(seen)) {
                switch (p.currentName()) {
                    case "schema" -> {
                        String schema = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
                        if (!Report.SCHEMA.equals(schema)) {
                            throw error("not a threadcheck report: schema is "
                                    + (schema == null ? describe(p.currentToken()) : quote(schema))
                                    + ", expected \"" + Report.SCHEMA + "\"");
                        }
                    }
                    case "races" -> races = list("races", this::race);
                    case "deadlocks" -> deadlocks = list("deadlocks", this::deadlock);
                    case "contention" -> contention = list("contention", this::contention);
                    case "run" -> run = p.currentToken() == JsonToken.VALUE_NULL ? null : run();
                    default -> p.skipChildren();
                }
            }
            if (!seen.contains("schema")) {
                throw error("not a threadcheck report: no \"schema\" key (expected \"" + Report.SCHEMA + "\")");
            }
            require(seen, "report", "races", "deadlocks", "contention", "run");
            JsonToken trailing = p.nextToken();
            if (trailing != null) throw error("unexpected " + describe(trailing) + " after the end of the report");
            return new Report(races, deadlocks, contention, run);
        }

        private RaceReport race() throws IOException {
            expectObject("race");
            String variable = null;
            long count = 0;
            List<Access> accesses = null;
            JsonLocation accessesAt = null;
            Set<String> seen = new HashSet<>();
            while (nextField(seen)) {
                switch (p.currentName()) {
                    case "variable" -> variable = string("variable");
                    case "count" -> count = longValue("count");
                    case "accesses" -> {
                        accessesAt = p.currentTokenLocation();
                        accesses = list("accesses", this::nullableAccess);
                    }
                    default -> p.skipChildren();
                }
            }
            require(seen, "race", "variable", "count", "accesses");
            if (accesses.size() != 2) {
                throw error(accessesAt, "\"accesses\" of a race must hold exactly two accesses, found " + accesses.size());
            }
            return new RaceReport(variable, accesses.get(0), accesses.get(1), count);
        }

        private Access nullableAccess() throws IOException {
            return p.currentToken() == JsonToken.VALUE_NULL ? null : access();
        }

        private Access access() throws IOException {
            expectObject("access");
            String thread = null;
            int tid = 0;
            String op = null;
            Site site = null;
            List<Site> stack = null;
            List<String> locksHeld = null;
            String startedBy = null;
            List<Site> startStack = null;
            Set<String> seen = new HashSet<>();
            while (nextField(seen)) {
                switch (p.currentName()) {
                    case "thread" -> thread = string("thread");
                    case "tid" -> tid = intValue("tid");
                    case "op" -> op = string("op");
                    case "site" -> site = nullableSite();
                    case "stack" -> stack = list("stack", this::site);
                    case "locksHeld" -> locksHeld = list("locksHeld", () -> nonNullString("lock"));
                    case "startedBy" -> startedBy = string("startedBy");
                    case "startStack" -> startStack = list("startStack", this::site);
                    default -> p.skipChildren();
                }
            }
            require(seen, "access", "thread", "tid", "op", "site", "stack", "locksHeld", "startedBy", "startStack");
            return new Access(thread, tid, op, site, stack, locksHeld, startedBy, startStack);
        }

        // Keys added after the first version of the schema ("status", "stack", "kind", ...) are
        // read when present and take their neutral value when a report predates them.

        private DeadlockReport deadlock() throws IOException {
            expectObject("deadlock");
            List<DeadlockReport.Step> cycle = null;
            DeadlockReport.Status status = DeadlockReport.Status.POTENTIAL;
            long count = 1;
            Set<String> seen = new HashSet<>();
            while (nextField(seen)) {
                switch (p.currentName()) {
                    case "cycle" -> cycle = list("cycle", this::step);
                    case "status" -> {
                        String name = nonNullString("status");
                        status = DeadlockReport.Status.ofJson(name);
                        if (status == null) {
                            throw error("\"status\" must be \"occurred\", \"confirmed\" or \"potential\", found "
                                    + quote(name));
                        }
                    }
                    case "count" -> count = longValue("count");
                    default -> p.skipChildren();
                }
            }
            require(seen, "deadlock", "cycle");
            return new DeadlockReport(status, cycle, count);
        }

        private DeadlockReport.Step step() throws IOException {
            expectObject("deadlock step");
            String thread = null;
            int tid = -1;
            LockAt held = null;
            LockAt acquired = null;
            Set<String> seen = new HashSet<>();
            while (nextField(seen)) {
                switch (p.currentName()) {
                    case "thread" -> thread = string("thread");
                    case "tid" -> tid = intValue("tid");
                    case "held" -> held = lockAt("held");
                    case "acquired" -> acquired = lockAt("acquired");
                    default -> p.skipChildren();
                }
            }
            require(seen, "deadlock step", "thread", "held", "acquired");
            return new DeadlockReport.Step(thread, tid, held.lock, held.site, held.stack,
                    acquired.lock, acquired.site, acquired.stack);
        }

        private record LockAt(String lock, Site site, List<Site> stack) {}

        private LockAt lockAt(String what) throws IOException {
            expectObject("\"" + what + "\"");
            String lock = null;
            Site site = null;
            List<Site> stack = List.of();
            Set<String> seen = new HashSet<>();
            while (nextField(seen)) {
                switch (p.currentName()) {
                    case "lock" -> lock = string("lock");
                    case "site" -> site = nullableSite();
                    case "stack" -> stack = list("stack", this::site);
                    default -> p.skipChildren();
                }
            }
            require(seen, "\"" + what + "\"", "lock", "site");
            return new LockAt(lock, site, stack);
        }

        private ContentionReport contention() throws IOException {
            expectObject("contention entry");
            String lock = null;
            String kind = null;
            Site site = null;
            long acquisitions = 0, contended = 0, waitNanos = 0, maxWaitNanos = 0, holdNanos = 0;
            long p50 = 0, p90 = 0, p99 = 0, conditionWaitNanos = 0;
            double holdShare = 0;
            List<ContentionReport.SiteTime> waiting = List.of();
            List<ContentionReport.SiteTime> holding = List.of();
            List<ContentionReport.Blame> blame = List.of();
            Set<String> seen = new HashSet<>();
            while (nextField(seen)) {
                switch (p.currentName()) {
                    case "lock" -> lock = string("lock");
                    case "kind" -> kind = string("kind");
                    case "site" -> site = nullableSite();
                    case "acquisitions" -> acquisitions = longValue("acquisitions");
                    case "contended" -> contended = longValue("contended");
                    case "waitNanos" -> waitNanos = longValue("waitNanos");
                    case "maxWaitNanos" -> maxWaitNanos = longValue("maxWaitNanos");
                    case "holdNanos" -> holdNanos = longValue("holdNanos");
                    case "p50WaitNanos" -> p50 = longValue("p50WaitNanos");
                    case "p90WaitNanos" -> p90 = longValue("p90WaitNanos");
                    case "p99WaitNanos" -> p99 = longValue("p99WaitNanos");
                    case "conditionWaitNanos" -> conditionWaitNanos = longValue("conditionWaitNanos");
                    case "holdShare" -> holdShare = number("holdShare");
                    case "waitingSites" -> waiting = list("waitingSites", this::siteTime);
                    case "holdingSites" -> holding = list("holdingSites", this::siteTime);
                    case "blame" -> blame = list("blame", this::blame);
                    default -> p.skipChildren(); // meanWaitNanos is derived
                }
            }
            require(seen, "contention entry", "lock", "site", "acquisitions", "contended",
                    "waitNanos", "maxWaitNanos", "holdNanos");
            return new ContentionReport(lock, kind, site, acquisitions, contended, waitNanos, maxWaitNanos,
                    holdNanos, p50, p90, p99, conditionWaitNanos, holdShare, waiting, holding, blame);
        }

        private ContentionReport.SiteTime siteTime() throws IOException {
            expectObject("site entry");
            Site site = null;
            long count = 0, nanos = 0;
            Set<String> seen = new HashSet<>();
            while (nextField(seen)) {
                switch (p.currentName()) {
                    case "site" -> site = nullableSite();
                    case "count" -> count = longValue("count");
                    case "nanos" -> nanos = longValue("nanos");
                    default -> p.skipChildren();
                }
            }
            require(seen, "site entry", "site", "count", "nanos");
            return new ContentionReport.SiteTime(site, count, nanos);
        }

        private ContentionReport.Blame blame() throws IOException {
            expectObject("blame entry");
            Site holder = null, waiter = null;
            long count = 0, nanos = 0;
            Set<String> seen = new HashSet<>();
            while (nextField(seen)) {
                switch (p.currentName()) {
                    case "holder" -> holder = nullableSite();
                    case "waiter" -> waiter = nullableSite();
                    case "count" -> count = longValue("count");
                    case "waitNanos" -> nanos = longValue("waitNanos");
                    default -> p.skipChildren();
                }
            }
            require(seen, "blame entry", "holder", "waiter", "count", "waitNanos");
            return new ContentionReport.Blame(holder, waiter, count, nanos);
        }

        private RunSummary run() throws IOException {
            expectObject("\"run\"");
            int threads = 0;
            long classes = 0, accesses = 0, syncEvents = 0, durationMillis = 0;
            Set<String> seen = new HashSet<>();
            while (nextField(seen)) {
                switch (p.currentName()) {
                    case "threads" -> threads = intValue("threads");
                    case "instrumentedClasses" -> classes = longValue("instrumentedClasses");
                    case "accesses" -> accesses = longValue("accesses");
                    case "syncEvents" -> syncEvents = longValue("syncEvents");
                    case "durationMillis" -> durationMillis = longValue("durationMillis");
                    default -> p.skipChildren();
                }
            }
            require(seen, "\"run\"", "threads", "instrumentedClasses", "accesses", "syncEvents", "durationMillis");
            return new RunSummary(threads, classes, accesses, syncEvents, durationMillis);
        }

        private Site nullableSite() throws IOException {
            return p.currentToken() == JsonToken.VALUE_NULL ? null : site();
        }

        /**
         * A site. "method" holds the source name; for a lambda "bytecodeMethod" holds the
         * synthetic name the model keeps, so that one wins when present.
         */
        private Site site() throws IOException {
            expectObject("site");
            String className = null;
            String method = null;
            String bytecodeMethod = null;
            String file = null;
            int line = 0;
            Set<String> seen = new HashSet<>();
            while (nextField(seen)) {
                switch (p.currentName()) {
                    case "class" -> className = nonNullString("class");
                    case "method" -> method = nonNullString("method");
                    case "bytecodeMethod" -> bytecodeMethod = string("bytecodeMethod");
                    case "file" -> file = string("file");
                    case "line" -> line = intValue("line");
                    default -> p.skipChildren(); // "lambda" is implied by bytecodeMethod
                }
            }
            require(seen, "site", "class", "method", "file", "line");
            return new Site(className, bytecodeMethod != null ? bytecodeMethod : method, file, line);
        }

        // ---- primitives ------------------------------------------------------------------

        @FunctionalInterface
        private interface Element<T> {
            T read() throws IOException;
        }

        /** Advances to the next key of the current object and onto its value; false at the object's end. */
        private boolean nextField(Set<String> seen) throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_OBJECT) return false;
            // The parser guarantees a key here; anything else is a malformed document it reports itself.
            seen.add(p.currentName());
            p.nextToken();
            return true;
        }

        private void require(Set<String> seen, String what, String... keys) throws IOException {
            for (String key : keys) {
                if (!seen.contains(key)) throw error(what + " has no \"" + key + "\" key");
            }
        }

        private void expectObject(String what) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw error("expected " + what + " (a JSON object), found " + describe(p.currentToken()));
            }
        }

        private <T> List<T> list(String key, Element<T> element) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw error("\"" + key + "\" must be an array, found " + describe(p.currentToken()));
            }
            List<T> result = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                result.add(element.read()); // each element reader rejects a null it cannot take
            }
            return result;
        }

        private String string(String key) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL) return null;
            if (t != JsonToken.VALUE_STRING) throw error("\"" + key + "\" must be a string, found " + describe(t));
            return p.getText();
        }

        private String nonNullString(String key) throws IOException {
            String s = string(key);
            if (s == null) throw error("\"" + key + "\" must be a string, found null");
            return s;
        }

        private long longValue(String key) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_INT) throw error("\"" + key + "\" must be an integer, found " + describe(t));
            return p.getLongValue();
        }

        private double number(String key) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw error("\"" + key + "\" must be a number, found " + describe(t));
            }
            return p.getDoubleValue();
        }

        private int intValue(String key) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_NUMBER_INT) throw error("\"" + key + "\" must be an integer, found " + describe(t));
            return p.getIntValue();
        }

        private String describe(JsonToken t) throws IOException {
            if (t == null) return "the end of the input";
            return switch (t) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "the string " + quote(p.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
                case VALUE_TRUE, VALUE_FALSE -> p.getText();
                case VALUE_NULL -> "null";
                default -> t.asString() != null ? t.asString() : t.name();
            };
        }

        private static String quote(String s) {
            String shown = s.length() > 60 ? s.substring(0, 60) + "..." : s;
            return "\"" + shown + "\"";
        }

        private IOException error(String message) {
            return error(p.currentTokenLocation(), message);
        }

        private IOException error(JsonLocation at, String message) {
            StringBuilder sb = new StringBuilder(source);
            if (at != null && at.getLineNr() > 0) {
                sb.append(':').append(at.getLineNr());
                if (at.getColumnNr() > 0) sb.append(':').append(at.getColumnNr());
            }
            String what = message == null ? "malformed JSON"
                    // Jackson may point at another place as "[Source: ...; line: 1, column: 1]"
                    : message.replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
            sb.append(": ").append(what);
            // One line, whatever the parser or the input put in the message.
            return new IOException(sb.toString().replaceAll("[\\r\\n\\t]+", " "));
        }
    }
}
