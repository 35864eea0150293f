package io.threadcheck.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadcheck.core.model.CallModels;
import io.threadcheck.core.model.ModelledCall;
import io.threadcheck.core.model.SyncKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.StampedLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Optimistic read sections through the recorder and the StampedLock model, on one thread: which
 * events reach the analysis, and in which order.
 */
class OptimisticReadsTest {

    static final class Point {
        double x;
        double y;
    }

    private final SymbolTable symbols = new SymbolTable();
    private final Recorder recorder = new Recorder(symbols, new ThreadTable());
    private final List<String> events = new ArrayList<>();
    private final StampedLock lock = new StampedLock();
    private final Point point = new Point();

    private int readX;
    private int readY;
    private int volatileRead;
    private int tryOptimisticRead;
    private int validate;

    @BeforeEach
    void setUp() {
        readX = site("read", AccessKind.FIELD_READ, symbols.field("Point", "x"));
        readY = site("read", AccessKind.FIELD_READ, symbols.field("Point", "y"));
        volatileRead = site("flag", AccessKind.VOLATILE_READ, symbols.field("Point", "flag"));
        tryOptimisticRead = site("tryOptimisticRead", AccessKind.API_CALL, stampedLockCall("tryOptimisticRead"));
        validate = site("validate", AccessKind.API_CALL, stampedLockCall("validate"));
        recorder.start(new EventVisitor(null) {
            @Override
            public void read(int tid, Object target, int site) {
                events.add("read " + symbols.fieldName(symbols.fieldOf(site)));
            }

            @Override
            public void syncAcquire(int tid, Object sync, int key, int site) {
                events.add("acquire " + key(key));
            }

            @Override
            public void syncRelease(int tid, Object sync, int key, int site) {
                events.add("release " + key(key));
            }
        });
    }

    @AfterEach
    void tearDown() {
        recorder.stop();
    }

    private int site(String method, AccessKind kind, int field) {
        return symbols.site(new Site("Point", method, "Point.java", 1), kind, field);
    }

    private static int stampedLockCall(String name) {
        CallModels models = CallModels.get();
        for (int id = 0; id < models.size(); id++) {
            ModelledCall c = models.byId(id);
            if (c.owner().equals("java/util/concurrent/locks/StampedLock") && c.name().equals(name)) return id;
        }
        throw new AssertionError("no model for StampedLock." + name);
    }

    private String key(int key) {
        if (key == SyncKeys.WRITER) return "WRITER";
        if (key == SyncKeys.READERS) return "READERS";
        return symbols.fieldName(key);
    }

    private long tryOptimisticRead() {
        long stamp = lock.tryOptimisticRead();
        recorder.api(false, lock, null, null, 0, 0, 0, null, stamp, tryOptimisticRead);
        return stamp;
    }

    private boolean validate(long stamp) {
        recorder.api(true, lock, null, null, stamp, 0, 0, null, 0, validate);
        return lock.validate(stamp);
    }

    private void readPoint() {
        recorder.access(point, -1, readX, false);
        recorder.access(point, -1, readY, false);
    }

    @Test
    void validatedReadsAreCheckedThenReleasedToLaterWriters() {
        long stamp = tryOptimisticRead();
        readPoint();
        assertThat(events).containsExactly("acquire WRITER");

        assertThat(validate(stamp)).isTrue();
        assertThat(events).containsExactly("acquire WRITER", "read Point.x", "read Point.y", "release READERS");
        assertThat(lock.isReadLocked()).as("the model's own read lock is given back").isFalse();
    }

    @Test
    void readsOverlappedByAWriterAreDropped() {
        long stamp = tryOptimisticRead();
        readPoint();
        lock.unlockWrite(lock.writeLock()); // another writer, in the meantime

        assertThat(validate(stamp)).isFalse();
        recorder.access(point, -1, readX, false); // after the section: an ordinary read
        assertThat(events).containsExactly("acquire WRITER", "read Point.x");
    }

    @Test
    void unvalidatedReadsAreCheckedBeforeTheNextSynchronisation() {
        tryOptimisticRead();
        readPoint();
        recorder.sync(point, volatileRead, false);
        assertThat(events).containsExactly("acquire WRITER", "read Point.x", "read Point.y", "acquire Point.flag");
    }

    @Test
    void aFullSectionIsCheckedAndEnds() {
        tryOptimisticRead();
        for (int i = 0; i <= HeldReads.MAX; i++) recorder.access(point, -1, readX, false);
        assertThat(events).hasSize(1 + HeldReads.MAX + 1);
        assertThat(events.subList(1, events.size())).containsOnly("read Point.x");
    }
}
