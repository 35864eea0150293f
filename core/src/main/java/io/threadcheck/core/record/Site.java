package io.threadcheck.core.record;

/**
 * A place in the program: class (binary name, dots), method, source file and line.
 * Line is 0 when the class has no line numbers; file is null without a SourceFile attribute.
 */
public record Site(String className, String method, String file, int line) {

    /** The class name without its package, as Java stack traces print frames. */
    public String simpleClassName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    /** True for the synthetic method javac makes of a lambda body ({@code lambda$main$0}). */
    public boolean isLambda() {
        return method.startsWith("lambda$");
    }

    /** The method as a person wrote it: a lambda is named after its enclosing method. */
    public String sourceMethod() {
        if (isLambda()) {
            int end = method.indexOf('$', 7);
            return end < 0 ? method.substring(7) : method.substring(7, end);
        }
        return method;
    }

    /** {@code Counter.inc(Counter.java:12)}; a lambda as {@code Counter.main[lambda](Counter.java:12)}. */
    public String toFrameString() {
        StringBuilder sb = new StringBuilder(simpleClassName()).append('.').append(sourceMethod());
        if (isLambda()) sb.append("[lambda]");
        sb.append('(');
        if (file == null) sb.append("Unknown Source");
        else {
            sb.append(file);
            if (line > 0) sb.append(':').append(line);
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return toFrameString();
    }
}
