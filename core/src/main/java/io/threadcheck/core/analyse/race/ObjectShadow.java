package io.threadcheck.core.analyse.race;

import java.lang.reflect.Array;
import java.util.function.Function;

/**
 * Everything the detector knows about one program object, the value of the detector's weak
 * identity map: its fields' states, its elements' states when it is an array, its lock state
 * when it was locked, its sync locations. Each part is made on first use, under this object
 * (ours). It never refers to the program object, so the map can drop it.
 */
final class ObjectShadow {

    /** Makes shadows for the weak map; a class, not a lambda (see {@link VarState#FACTORY}). */
    static final Function<Object, ObjectShadow> FACTORY = new Function<Object, ObjectShadow>() {
        @Override
        public ObjectShadow apply(Object program) {
            return new ObjectShadow();
        }
    };

    private volatile IntTable<VarState> fields;
    private volatile ArrayElements elements;
    private volatile LockState lock;
    private volatile IntTable<SyncState> syncs;

    VarState field(int fieldId) {
        IntTable<VarState> f = fields;
        if (f == null) f = fields();
        return f.getOrCreate(fieldId, VarState.FACTORY);
    }

    private synchronized IntTable<VarState> fields() {
        IntTable<VarState> f = fields;
        if (f == null) fields = f = new IntTable<>(2);
        return f;
    }

    /** The state of {@code array[index]}, or null when the index is out of bounds. */
    VarState element(Object array, int index) {
        ArrayElements e = elements;
        if (e == null) e = elements(array);
        return e.element(index);
    }

    private synchronized ArrayElements elements(Object array) {
        ArrayElements e = elements;
        if (e == null) {
            // Array.getLength is native: no program code. Offline stand-ins are not arrays.
            int length = array.getClass().isArray() ? Array.getLength(array) : -1;
            elements = e = new ArrayElements(length);
        }
        return e;
    }

    LockState lock(Object program) {
        LockState l = lock;
        if (l == null) l = makeLock(program);
        return l;
    }

    private synchronized LockState makeLock(Object program) {
        LockState l = lock;
        if (l == null) lock = l = new LockState(program);
        return l;
    }

    SyncState sync(int key) {
        IntTable<SyncState> s = syncs;
        if (s == null) s = syncs();
        return s.getOrCreate(key, SyncState.FACTORY);
    }

    /** The sync location {@code key} if anything was ever released there, else null. */
    SyncState syncIfPresent(int key) {
        IntTable<SyncState> s = syncs;
        return s == null ? null : s.get(key);
    }

    private synchronized IntTable<SyncState> syncs() {
        IntTable<SyncState> s = syncs;
        if (s == null) syncs = s = new IntTable<>(2);
        return s;
    }
}
