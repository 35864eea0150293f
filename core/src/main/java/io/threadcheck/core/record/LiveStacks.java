package io.threadcheck.core.record;

import io.threadcheck.core.analyse.race.StackSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Stacks of the running program, walked on demand (only when a race is reported or a thread
 * started, both rare). threadcheck's own frames are left out, so the innermost frame is the
 * program's instruction.
 */
public final class LiveStacks implements StackSource {

    static final int MAX_DEPTH = 64;
    private static final String OWN_PACKAGE = "io.threadcheck.";

    private final StackWalker walker = StackWalker.getInstance();
    // Set while the calling thread hands on accesses made earlier (held optimistic reads).
    private final ThreadLocal<Boolean> replaying = new ThreadLocal<>();

    /**
     * The calling thread's stack; {@code tid} and {@code site} are implied by the caller. None
     * (the analysis then shows the site alone) for an access replayed after it was made.
     */
    @Override
    public List<Site> currentStack(int tid, int site) {
        return replaying.get() != null ? null : capture();
    }

    /** Marks the calling thread as replaying accesses made earlier, or no longer. */
    void replaying(boolean on) {
        if (on) replaying.set(Boolean.TRUE);
        else replaying.remove();
    }

    /**
     * The calling thread's stack from its innermost program frame: the JDK frames on top (a
     * thread started inside {@code Thread.start}, an executor, a builder) are left out, unless
     * the stack has nothing else.
     */
    public List<Site> captureFromProgram() {
        List<Site> all = capture();
        for (int i = 0; i < all.size(); i++) {
            if (!isJdk(all.get(i).className())) return i == 0 ? all : List.copyOf(all.subList(i, all.size()));
        }
        return all;
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.");
    }

    public List<Site> capture() {
        // An anonymous class, not a lambda: this runs inside class loading and start-up,
        // where bootstrapping a lambda can recurse into the agent.
        return walker.walk(new Function<Stream<StackWalker.StackFrame>, List<Site>>() {
            @Override
            public List<Site> apply(Stream<StackWalker.StackFrame> frames) {
                List<Site> out = new ArrayList<>();
                java.util.Iterator<StackWalker.StackFrame> it = frames.iterator();
                while (it.hasNext() && out.size() < MAX_DEPTH) {
                    StackWalker.StackFrame f = it.next();
                    if (f.getClassName().startsWith(OWN_PACKAGE)) continue;
                    out.add(new Site(f.getClassName(), f.getMethodName(), f.getFileName(),
                            Math.max(f.getLineNumber(), 0)));
                }
                return out;
            }
        });
    }
}
