package io.threadcheck.agent;

import io.threadcheck.core.instrument.ScopeFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's options: {@code -javaagent:threadcheck-agent.jar=key=value,key=value}.
 *
 * <p>A piece without {@code =} continues the previous value, so {@code format=text,json} and
 * {@code include=com.a.*,com.b.*} read as one would expect. A bad piece is reported as one line
 * on stderr and ignored; the rest still applies and the program runs either way.
 */
final class AgentOptions {

    static final Set<String> KEYS = Set.of("out", "include", "exclude", "format");
    static final Set<String> FORMATS = Set.of("text", "json");

    Path out = Path.of("threadcheck");
    ScopeFilter scope = ScopeFilter.defaults();
    Set<String> formats = new LinkedHashSet<>(List.of("text", "json"));
    final List<String> errors = new ArrayList<>();

    static AgentOptions parse(String args) {
        AgentOptions o = new AgentOptions();
        Map<String, String> values = new LinkedHashMap<>();
        String lastKey = null;
        if (args != null && !args.isBlank()) {
            for (String piece : args.split(",", -1)) {
                int eq = piece.indexOf('=');
                if (eq < 0) {
                    if (lastKey != null && !piece.isEmpty()) values.put(lastKey, values.get(lastKey) + "," + piece);
                    else if (!piece.isEmpty()) o.errors.add("option '" + piece + "' has no value (expected key=value)");
                    continue;
                }
                String key = piece.substring(0, eq).trim();
                String value = piece.substring(eq + 1).trim();
                if (!KEYS.contains(key)) {
                    o.errors.add("unknown option '" + key + "' (known: out, include, exclude, format); ignored");
                    lastKey = null;
                    continue;
                }
                values.put(key, value);
                lastKey = key;
            }
        }
        o.apply(values);
        return o;
    }

    private void apply(Map<String, String> values) {
        String outValue = values.get("out");
        if (outValue != null) {
            if (outValue.isEmpty()) errors.add("option out= needs a directory; using ./threadcheck");
            else out = Path.of(outValue);
        }
        String include = values.get("include");
        String exclude = values.get("exclude");
        try {
            scope = ScopeFilter.of(patterns(include), patterns(exclude));
        } catch (IllegalArgumentException e) {
            errors.add("option include/exclude: " + e.getMessage() + "; instrumenting the default scope");
        }
        String format = values.get("format");
        if (format != null) {
            Set<String> chosen = new LinkedHashSet<>();
            for (String f : format.split(",")) {
                String name = f.trim();
                if (FORMATS.contains(name)) chosen.add(name);
                else errors.add("option format: unknown format '" + name + "' (known: text, json); ignored");
            }
            if (!chosen.isEmpty()) formats = chosen;
        }
    }

    private static String patterns(String value) {
        return value == null ? null : value.replace(',', ':');
    }
}
