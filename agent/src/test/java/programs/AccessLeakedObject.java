package programs;

/**
 * An object published through a plain field with no synchronisation: the reader may see it
 * before its constructor's writes. Its non-final field races with the constructor's write; its
 * final field does not (final fields are safely published with the object, JLS 17.5); and the
 * plain field itself races between the publishing write and the polls.
 */
public final class AccessLeakedObject {

    static final class Holder {
        final int fixed;
        int mutable;

        Holder(int value) {
            fixed = value;
            mutable = value; // race:constructor-write
        }
    }

    static Holder shared;

    static int read() {
        Holder h;
        while ((h = shared) == null) { // race:poll
            Thread.onSpinWait();
        }
        return h.fixed + h.mutable; // race:mutable-read
    }

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[1];
        Thread reader = new Thread(() -> seen[0] = read(), "reader");
        reader.start(); // start:reader
        Thread.sleep(50);
        shared = new Holder(21); // race:publish
        reader.join();
        System.out.println("seen=" + seen[0]);
    }
}
