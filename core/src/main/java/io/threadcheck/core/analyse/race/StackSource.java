package io.threadcheck.core.analyse.race;

import io.threadcheck.core.record.Site;
import java.util.List;

/**
 * Supplies the stack of the access being analysed, asked only when a race is reported (rare),
 * so it may be slow. Online it walks the calling thread's real stack; offline it has only
 * what the trace recorded.
 */
public interface StackSource {

    /** The stack of thread {@code tid} at the access {@code site}, innermost first, starting with that site. */
    List<Site> currentStack(int tid, int site);
}
