package io.threadcheck.core.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The exception table of one method, rewritten so that hook calls inside synchronized blocks
 * keep the method compilable.
 *
 * <p>HotSpot compiles a method only if a monitor is released on every path, so a call that may
 * throw while a monitor is held must lie in a catch-all range whose handler exits the monitor.
 * C1 also refuses a handler that is reached, by an exception, from a block parsed after it.
 * javac compiles {@code synchronized (x) { body }} as
 * <pre>
 *   dup; astore n; monitorenter
 *   S: body; aload n; monitorexit; goto out      range [S, E) -> H, any
 *   H: astore e; aload n; monitorexit            range [H, L) -> H, any
 *   L: aload e; athrow
 * </pre>
 * Two rewrites follow. Every range starts at a label of ours placed with the original, so the
 * monitorEnter hook, emitted before S, is still inside [S, E). And each handler H that covers
 * itself and serves another catch-all range gets a handler of ours, H', just before it, for
 * those other ranges: H' records the monitor exit in a call covered by [H', X) -> H, then
 * exits the monitor and rethrows. javac's H is then reached only by exceptions of H' and of
 * its own instructions, which do not throw.
 *
 * <p>The table is held back until the method's first instruction, when every range is known.
 */
final class SynchronizedBlockRanges {

    /** A handler of javac's synchronized-block shape and the handler of ours in front of it. */
    static final class Handler {
        final Label original;
        final Label ours = new Label();
        final Label oursEnd = new Label();
        int lockLocal = -1;   // the local holding the monitor, once its monitorenter was seen

        Handler(Label original) {
            this.original = original;
        }
    }

    private record Range(Label start, Label end, Label handler, String type) { }

    private final MethodVisitor mv;
    private final boolean rewriteHandlers;
    private List<Range> pending = new ArrayList<>();
    private final Map<Label, Label> starts = new HashMap<>();
    private final Map<Label, Handler> handlers = new HashMap<>();
    private final Map<Label, List<Handler>> handlersByStart = new HashMap<>();

    /** @param rewriteHandlers whether monitors are instrumented in this method at all */
    SynchronizedBlockRanges(MethodVisitor mv, boolean rewriteHandlers) {
        this.mv = mv;
        this.rewriteHandlers = rewriteHandlers;
    }

    void add(Label start, Label end, Label handler, String type) {
        if (pending == null) {
            mv.visitTryCatchBlock(ourStart(start), end, handler, type);
        } else {
            pending.add(new Range(start, end, handler, type));
        }
    }

    /**
     * Writes the held-back table (before a type annotation that refers to its last entry, or
     * before the method's first instruction); later ranges pass straight through.
     */
    void flush() {
        if (pending == null) return;
        List<Range> ranges = pending;
        pending = null;
        if (rewriteHandlers) findHandlers(ranges);
        for (Range range : ranges) {
            Handler substitute = handlers.get(range.handler);
            boolean self = range.start == range.handler;
            if (substitute != null && self) {
                mv.visitTryCatchBlock(substitute.ours, substitute.oursEnd, range.handler, null);
            }
            Label handler = substitute != null && !self ? substitute.ours : range.handler;
            mv.visitTryCatchBlock(ourStart(range.start), range.end, handler, range.type);
        }
    }

    private void findHandlers(List<Range> ranges) {
        for (Range self : ranges) {
            if (self.start != self.handler || self.type != null) continue;
            for (Range other : ranges) {
                if (other != self && other.handler == self.handler && other.type == null
                        && !handlers.containsKey(self.handler)) {
                    handlers.put(self.handler, new Handler(self.handler));
                }
            }
        }
        for (Range range : ranges) {
            Handler handler = handlers.get(range.handler);
            if (handler != null && range.start != range.handler) {
                List<Handler> list = handlersByStart.get(range.start);
                if (list == null) {
                    list = new ArrayList<>(1);
                    handlersByStart.put(range.start, list);
                }
                list.add(handler);
            }
        }
    }

    private Label ourStart(Label start) {
        Label ours = starts.get(start);
        if (ours == null) {
            ours = new Label();
            starts.put(start, ours);
        }
        return ours;
    }

    /** Our label for the ranges that start at {@code label}, to be placed just before it; null if none. */
    Label takeStart(Label label) {
        return starts.remove(label);
    }

    /** The ranges starting at {@code label} belong to a block whose monitor is in {@code local}. */
    void monitorIn(Label label, int local) {
        List<Handler> list = handlersByStart.get(label);
        if (list == null) return;
        for (Handler handler : list) handler.lockLocal = local;
    }

    /** The rewritten handler at {@code label}, or null. */
    Handler handlerAt(Label label) {
        return handlers.get(label);
    }
}
