package io.threadcheck.agent.it;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed threadcheck-report.json. Parsing is strict about the contract: every documented field
 * must be present with the documented type, and a race has exactly two accesses; anything else
 * fails the test with the offending JSON.
 */
public record Report(JsonNode root, String schema, List<Race> races, JsonNode deadlocks,
                     JsonNode contention, Run run) {

    public static final String SCHEMA = "threadcheck-report/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Report parse(Path file, String context) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("report " + file + " is not valid JSON: " + e.getMessage() + "\n" + context, e);
        }
        try {
            return fromJson(root);
        } catch (MalformedReport e) {
            throw new AssertionError("report " + file + " breaks the schema: " + e.getMessage()
                    + "\n--- report ---\n" + pretty(root) + "\n" + context);
        }
    }

    static Report fromJson(JsonNode root) {
        require(root.isObject(), root, "top level is not an object");
        String schema = text(root, "schema");
        List<Race> races = new ArrayList<>();
        for (JsonNode race : array(root, "races")) {
            races.add(Race.fromJson(race));
        }
        return new Report(root, schema, List.copyOf(races), array(root, "deadlocks"),
                array(root, "contention"), Run.fromJson(object(root, "run")));
    }

    /** The whole report, indented, for failure messages. */
    public String pretty() {
        return pretty(root);
    }

    /** Just the races, indented, for failure messages. */
    public String prettyRaces() {
        return pretty(root.get("races"));
    }

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            return String.valueOf(node);
        }
    }

    /** One race: a variable and exactly two conflicting accesses, earlier then later. */
    public record Race(String variable, long count, Access earlier, Access later, JsonNode json) {
        static Race fromJson(JsonNode node) {
            require(node.isObject(), node, "race is not an object");
            JsonNode accesses = array(node, "accesses");
            require(accesses.size() == 2, node, "a race must have exactly two accesses, has " + accesses.size());
            return new Race(text(node, "variable"), integer(node, "count"),
                    Access.fromJson(accesses.get(0)), Access.fromJson(accesses.get(1)), node);
        }

        public List<Access> accesses() {
            return List.of(earlier, later);
        }

        @Override
        public String toString() {
            return pretty(json);
        }
    }

    /** One side of a race. {@code startedBy} may be null (unknown). */
    public record Access(String thread, long tid, String op, Site site, List<Site> stack,
                         List<String> locksHeld, String startedBy, List<Site> startStack, JsonNode json) {
        static Access fromJson(JsonNode node) {
            require(node.isObject(), node, "access is not an object");
            String op = text(node, "op");
            require(op.equals("read") || op.equals("write"), node, "op must be read or write");
            List<String> locks = new ArrayList<>();
            for (JsonNode lock : array(node, "locksHeld")) {
                require(lock.isTextual(), node, "locksHeld entries must be strings");
                locks.add(lock.asText());
            }
            JsonNode startedBy = node.get("startedBy");
            require(startedBy != null && (startedBy.isNull() || startedBy.isTextual()), node,
                    "startedBy must be a string or null");
            return new Access(text(node, "thread"), integer(node, "tid"), op, Site.fromJson(object(node, "site")),
                    sites(array(node, "stack")), List.copyOf(locks), startedBy.isNull() ? null : startedBy.asText(),
                    sites(array(node, "startStack")), node);
        }

        private static List<Site> sites(JsonNode array) {
            List<Site> sites = new ArrayList<>();
            for (JsonNode site : array) {
                sites.add(Site.fromJson(site));
            }
            return List.copyOf(sites);
        }

        public boolean isWrite() {
            return op.equals("write");
        }

        @Override
        public String toString() {
            return pretty(json);
        }
    }

    /**
     * A code location. {@code method} of a lambda body is the enclosing method and {@code lambda}
     * is true; otherwise {@code lambda} is absent or false (both read as false). {@code file} may be null.
     */
    public record Site(String className, String method, String file, int line, boolean lambda) {
        static Site fromJson(JsonNode node) {
            require(node.isObject(), node, "site is not an object");
            JsonNode file = node.get("file");
            require(file != null && (file.isNull() || file.isTextual()), node, "file must be a string or null");
            JsonNode lambda = node.get("lambda");
            require(lambda == null || lambda.isBoolean(), node, "lambda must be a boolean when present");
            return new Site(text(node, "class"), text(node, "method"), file.isNull() ? null : file.asText(),
                    (int) integer(node, "line"), lambda != null && lambda.booleanValue());
        }

        @Override
        public String toString() {
            return className + "." + method + (lambda ? "[lambda]" : "") + "(" + file + ":" + line + ")";
        }
    }

    /** The "run" section: what was checked. */
    public record Run(long threads, long instrumentedClasses, long accesses, long syncEvents,
                      long durationMillis) {
        static Run fromJson(JsonNode node) {
            return new Run(integer(node, "threads"), integer(node, "instrumentedClasses"),
                    integer(node, "accesses"), integer(node, "syncEvents"), integer(node, "durationMillis"));
        }
    }

    /** A schema violation, turned into an assertion failure showing the whole report. */
    static final class MalformedReport extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedReport(String message) {
            super(message);
        }
    }

    private static void require(boolean ok, JsonNode node, String message) {
        if (!ok) {
            throw new MalformedReport(message + " in " + node);
        }
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        require(value != null, node, "missing field \"" + name + "\"");
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        require(value.isTextual(), node, "\"" + name + "\" must be a string");
        return value.asText();
    }

    private static long integer(JsonNode node, String name) {
        JsonNode value = field(node, name);
        require(value.isIntegralNumber(), node, "\"" + name + "\" must be an integer");
        return value.asLong();
    }

    private static JsonNode array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        require(value.isArray(), node, "\"" + name + "\" must be an array");
        return value;
    }

    private static JsonNode object(JsonNode node, String name) {
        JsonNode value = field(node, name);
        require(value.isObject(), node, "\"" + name + "\" must be an object");
        return value;
    }

    static void failWith(String message, Report report, AgentRun.Result run) {
        fail("%s%n--- races ---%n%s%n%s", message, report.prettyRaces(), run.describe());
    }
}
