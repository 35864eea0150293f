package io.threadcheck.core.model;

/** Happens-before models of ... (being written). */
final class SynchronizerModels {

    private SynchronizerModels() {}

    static void register(CallModels.Builder b) {
    }
}
