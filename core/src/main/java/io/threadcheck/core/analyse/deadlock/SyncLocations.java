package io.threadcheck.core.analyse.deadlock;

import io.threadcheck.core.util.WeakIdentityMap;
import java.util.function.Function;

/**
 * The {@link SyncLocation} of each (object, key): per object a small table of keys, and one
 * table for static locations (null object). Objects are held weakly; a location stays alive
 * as long as some acquire record refers to it.
 */
final class SyncLocations {

    /** Keys of one object (or of the statics) to locations; copy-on-write, lock-free reads. */
    static final class Keys {
        private volatile int[] keys = new int[0];
        private volatile SyncLocation[] locations = new SyncLocation[0];

        SyncLocation get(int key) {
            SyncLocation[] l = locations; // read first: keys is written after locations
            int[] k = keys;
            int n = Math.min(k.length, l.length);
            for (int i = 0; i < n; i++) {
                if (k[i] == key) return l[i];
            }
            return null;
        }

        synchronized SyncLocation getOrCreate(int key) {
            SyncLocation found = get(key);
            if (found != null) return found;
            int n = keys.length;
            int[] k = java.util.Arrays.copyOf(keys, n + 1);
            SyncLocation[] l = java.util.Arrays.copyOf(locations, n + 1);
            k[n] = key;
            SyncLocation made = new SyncLocation();
            l[n] = made;
            locations = l;
            keys = k;
            return made;
        }
    }

    private final WeakIdentityMap<Object, Keys> objects = new WeakIdentityMap<>(64);
    private final Keys statics = new Keys();

    // An anonymous class, not a lambda: this runs inside the program's synchronisation.
    private static final Function<Object, Keys> NEW_KEYS = new Function<>() {
        @Override
        public Keys apply(Object o) {
            return new Keys();
        }
    };

    SyncLocation getOrCreate(Object sync, int key) {
        Keys k = sync == null ? statics : objects.get(sync);
        if (k == null) k = objects.computeIfAbsent(sync, NEW_KEYS);
        SyncLocation l = k.get(key);
        return l != null ? l : k.getOrCreate(key);
    }

    /** The location, or null when nothing was ever released there. */
    SyncLocation existing(Object sync, int key) {
        Keys k = sync == null ? statics : objects.get(sync);
        return k == null ? null : k.get(key);
    }
}
