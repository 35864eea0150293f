package io.threadcheck.core.model;

/** Happens-before models of ... (being written). */
final class AtomicModels {

    private AtomicModels() {}

    static void register(CallModels.Builder b) {
    }
}
