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

    static final List<String> KEYS = List.of("out", "include", "exclude", "format", "mode", "onDeadlock", "watchdog");
    static final Set<String> FORMATS = Set.of("text", "json");
    static final List<String> MODES = List.of("race", "deadlock", "contention");

    /** The exit status of a JVM ended by {@code onDeadlock=exit}. */
    static final int DEADLOCK_EXIT_STATUS = 86;

    Path out = Path.of("threadcheck");
    ScopeFilter scope = ScopeFilter.defaults();
    Set<String> formats = new LinkedHashSet<>(List.of("text", "json"));
    Set<String> modes = new LinkedHashSet<>(MODES);
    boolean exitOnDeadlock;
    long watchdogMillis = 1000;
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
                    o.errors.add("unknown option '" + key + "' (known: " + String.join(", ", KEYS) + "); ignored");
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

    /**
     * {@code %p} in {@code out=} stands for the process id, as in the JVM's own log and dump
     * file options, so JVMs started with the same options (test forks) write apart; {@code %%}
     * is a percent sign.
     */
    static String expandOut(String value, long pid) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 1 < value.length() && value.charAt(i + 1) == 'p') {
                sb.append(pid);
                i++;
            } else if (c == '%' && i + 1 < value.length() && value.charAt(i + 1) == '%') {
                sb.append('%');
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private void apply(Map<String, String> values) {
        String outValue = values.get("out");
        if (outValue != null) {
            if (outValue.isEmpty()) errors.add("option out= needs a directory; using ./threadcheck");
            else out = Path.of(expandOut(outValue, ProcessHandle.current().pid()));
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
        String mode = values.get("mode");
        if (mode != null) {
            Set<String> chosen = new LinkedHashSet<>();
            for (String m : mode.split(",")) {
                String name = m.trim();
                if (MODES.contains(name)) chosen.add(name);
                else errors.add("option mode: unknown analysis '" + name + "' (known: race, deadlock, contention); ignored");
            }
            if (!chosen.isEmpty()) modes = chosen;
        }
        String onDeadlock = values.get("onDeadlock");
        if (onDeadlock != null) {
            if (onDeadlock.equals("exit")) exitOnDeadlock = true;
            else if (!onDeadlock.equals("report")) {
                errors.add("option onDeadlock: expected 'report' or 'exit', found '" + onDeadlock + "'; reporting only");
            }
        }
        String watchdog = values.get("watchdog");
        if (watchdog != null) {
            try {
                long millis = Long.parseLong(watchdog);
                if (millis < 0) throw new NumberFormatException();
                watchdogMillis = millis;
            } catch (NumberFormatException e) {
                errors.add("option watchdog: expected milliseconds (0 to turn it off), found '" + watchdog
                        + "'; checking every " + watchdogMillis + " ms");
            }
        }
    }

    private static String patterns(String value) {
        return value == null ? null : value.replace(',', ':');
    }
}
