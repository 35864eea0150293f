package io.threadcheck.core.report;

import io.threadcheck.core.record.Site;
import java.util.List;

/**
 * One side of a race.
 *
 * @param thread      the thread's name
 * @param tid         threadcheck's id of the thread
 * @param op          {@code "read"} or {@code "write"}
 * @param site        the accessing instruction
 * @param stack       innermost first; at least the site
 * @param locksHeld   the locks the thread held at the access, outermost first
 * @param startedBy   name of the thread that started this one, or null when unknown
 * @param startStack  where it was started, innermost first; empty when unknown
 */
public record Access(String thread, int tid, String op, Site site, List<Site> stack,
                     List<String> locksHeld, String startedBy, List<Site> startStack) {
    public Access {
        stack = List.copyOf(stack);
        locksHeld = List.copyOf(locksHeld);
        startStack = List.copyOf(startStack);
    }
}
