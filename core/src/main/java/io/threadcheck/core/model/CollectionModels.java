package io.threadcheck.core.model;

/** Happens-before models of ... (being written). */
final class CollectionModels {

    private CollectionModels() {}

    static void register(CallModels.Builder b) {
    }
}
