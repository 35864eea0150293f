package io.threadcheck.core.model;

/** Happens-before models of ... (being written). */
final class AccessModels {

    private AccessModels() {}

    static void register(CallModels.Builder b) {
    }
}
