package io.threadcheck.core.analyse.deadlock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Records of a fixed number of ints, optionally with one object each, in growable primitive
 * arrays: the compact trace is made of these, with no object per event.
 *
 * <p>One writer at a time: the owning thread, or whoever holds the program lock the records
 * belong to (the program's own lock orders successive writers). The analysis reads at the end,
 * concurrently, up to {@link #published()}: a record is complete before the count that covers
 * it is published (release store; grown arrays are assigned before that).
 */
final class TraceRecords {

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(TraceRecords.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int stride;
    private final boolean withRefs;
    private int[] ints;
    private Object[] refs;
    @SuppressWarnings("unused") // accessed through COUNT
    private int count;

    TraceRecords(int stride, boolean withRefs) {
        this.stride = stride;
        this.withRefs = withRefs;
    }

    /** Items one record costs against the trace budget. */
    int itemsPerRecord() {
        return stride + (withRefs ? 1 : 0);
    }

    // --- writer side -----------------------------------------------------------------------

    /** Records written so far (the writer's view). */
    int size() {
        return (int) COUNT.getOpaque(this);
    }

    private int reserve() {
        int n = size();
        int[] a = ints;
        if (a == null) {
            ints = new int[4 * stride];
            if (withRefs) refs = new Object[4];
        } else if ((n + 1) * stride > a.length) {
            ints = Arrays.copyOf(a, a.length * 2);
            if (withRefs) refs = Arrays.copyOf(refs, refs.length * 2);
        }
        return n;
    }

    private int publish(int n) {
        COUNT.setRelease(this, n + 1);
        return n;
    }

    int add(int a, int b) {
        int n = reserve();
        int at = n * stride;
        ints[at] = a;
        ints[at + 1] = b;
        return publish(n);
    }

    int add(int a, int b, int c) {
        int n = reserve();
        int at = n * stride;
        ints[at] = a;
        ints[at + 1] = b;
        ints[at + 2] = c;
        return publish(n);
    }

    int add(int a, int b, Object ref) {
        int n = reserve();
        int at = n * stride;
        ints[at] = a;
        ints[at + 1] = b;
        refs[n] = ref;
        return publish(n);
    }

    /** Changes one field of a published record (a release position, a merged release). */
    void set(int record, int field, int value) {
        ints[record * stride + field] = value;
    }

    // --- both sides --------------------------------------------------------------------------

    int get(int record, int field) {
        return ints[record * stride + field];
    }

    Object ref(int record) {
        return refs[record];
    }

    // --- reader side -------------------------------------------------------------------------

    /** Records complete and visible to a reader in another thread. */
    int published() {
        return (int) COUNT.getAcquire(this);
    }
}
