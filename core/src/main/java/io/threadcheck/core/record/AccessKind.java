package io.threadcheck.core.record;

/** What an instrumented instruction does; stored with its site in the {@link SymbolTable}. */
public enum AccessKind {
    FIELD_READ, FIELD_WRITE, VOLATILE_READ, VOLATILE_WRITE, ARRAY_READ, ARRAY_WRITE,
    MONITOR_ENTER, MONITOR_EXIT, THREAD_START, THREAD_JOIN, WAIT, CLASS_INIT, METHOD,
    /** A modelled library call; the site's field slot holds the {@code ModelledCall} id. */
    API_CALL
}
