package programs;

import java.lang.reflect.Array;
import java.lang.reflect.Field;

/**
 * The broken twin of {@link AccessReflectionTurns}: reflective writes racing with plain reads,
 * a plain write racing with a reflective read, a reflective static write racing with a plain
 * static read, and a reflect.Array write racing with a plain element read.
 */
public final class AccessReflectionRaces {
    int written;
    int read;
    static int staticWritten;
    final int[] cells = new int[3];

    static final Field WRITTEN;
    static final Field READ;
    static final Field STATIC_WRITTEN;

    static {
        try {
            WRITTEN = AccessReflectionRaces.class.getDeclaredField("written");
            READ = AccessReflectionRaces.class.getDeclaredField("read");
            STATIC_WRITTEN = AccessReflectionRaces.class.getDeclaredField("staticWritten");
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    void reflective() {
        try {
            WRITTEN.setInt(this, 1); // race:reflective-write
            STATIC_WRITTEN.set(null, 2); // race:reflective-static-write
            int seen = (int) READ.get(this); // race:reflective-read
            Array.setInt(cells, 1, seen + 3); // race:array-set
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    int plain() {
        int seen = written; // race:plain-read
        seen += staticWritten; // race:plain-static-read
        read = 4; // race:plain-write
        seen += cells[1]; // race:plain-element-read
        return seen;
    }

    public static void main(String[] args) throws InterruptedException {
        AccessReflectionRaces p = new AccessReflectionRaces();
        int[] seen = new int[1];
        Thread reflective = new Thread(p::reflective, "reflective");
        Thread plain = new Thread(() -> seen[0] = p.plain(), "plain");
        reflective.start(); // start:reflective
        plain.start(); // start:plain
        reflective.join();
        plain.join();
        System.out.println("done");
    }
}
