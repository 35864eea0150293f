package io.threadcheck.core.model;

/** Happens-before models of ... (being written). */
final class TaskModels {

    private TaskModels() {}

    static void register(CallModels.Builder b) {
    }
}
