package io.threadcheck.core.analyse.race;

/**
 * Shadow state found by an int key (field id, sync key, array index). The key is final so an
 * entry read without a lock (racily published table slot) always shows its key.
 */
abstract class Keyed {
    final int key;

    Keyed(int key) {
        this.key = key;
    }
}
