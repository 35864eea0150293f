package io.threadcheck.core.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which classes are instrumented. The JDK's own classes and threadcheck's are never in scope
 * (the agent excludes them by loader and by name); {@code include} and {@code exclude}
 * narrow the rest. Patterns are class names with dots; {@code *} matches any run of
 * characters (dots included), {@code ?} one character; several are separated by {@code :}.
 */
public final class ScopeFilter {

    // Names no application class can have; the agent also leaves out whatever the bootstrap
    // and platform loaders define.
    private static final String[] NEVER = {"io.threadcheck.", "java.", "jdk.", "sun."};

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    private ScopeFilter(List<Pattern> includes, List<Pattern> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /** Everything but the JDK and threadcheck. */
    public static ScopeFilter defaults() {
        return new ScopeFilter(List.of(), List.of());
    }

    /**
     * @param include patterns or null for everything
     * @param exclude patterns or null for nothing
     * @throws IllegalArgumentException naming the pattern when one is malformed
     */
    public static ScopeFilter of(String include, String exclude) {
        return new ScopeFilter(parse(include), parse(exclude));
    }

    /** @param className binary name with dots or slashes */
    public boolean includes(String className) {
        String name = className.replace('/', '.');
        for (String prefix : NEVER) {
            if (name.startsWith(prefix)) return false;
        }
        if (!includes.isEmpty() && !matchesAny(includes, name)) return false;
        return !matchesAny(excludes, name);
    }

    private static boolean matchesAny(List<Pattern> patterns, String name) {
        for (Pattern p : patterns) {
            if (p.matcher(name).matches()) return true;
        }
        return false;
    }

    private static List<Pattern> parse(String spec) {
        List<Pattern> out = new ArrayList<>();
        if (spec == null || spec.isEmpty()) return out;
        for (String part : spec.split(":", -1)) {
            String p = part.trim();
            if (p.isEmpty() || !p.matches("[\\p{javaJavaIdentifierPart}.*?$/]+")) {
                throw new IllegalArgumentException("malformed class pattern '" + part + "' in '" + spec + "'");
            }
            StringBuilder re = new StringBuilder();
            for (char c : p.replace('/', '.').toCharArray()) {
                if (c == '*') re.append(".*");
                else if (c == '?') re.append('.');
                else re.append(Pattern.quote(String.valueOf(c)));
            }
            out.add(Pattern.compile(re.toString()));
        }
        return out;
    }
}
