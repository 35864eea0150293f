package io.threadcheck.core.analyse.race;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.threadcheck.core.record.AccessKind;
import io.threadcheck.core.record.EventVisitor;
import io.threadcheck.core.record.Site;
import io.threadcheck.core.record.SymbolTable;
import io.threadcheck.core.record.ThreadTable;
import io.threadcheck.core.record.ThreadTable.ThreadInfo;
import io.threadcheck.core.report.Access;
import io.threadcheck.core.report.RaceReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RaceDetectorTest {

    static final class Counter {
        int count;
    }

    static final class Flag {
        volatile boolean ready;
    }

    private final SymbolTable symbols = new SymbolTable();
    private final ThreadTable threads = new ThreadTable();
    private RaceDetector detector;

    private int countField;
    private int totalField;
    private int readyField;
    // sites: Counter.count
    private int incRead;
    private int incWrite;
    private int getRead;
    private int resetWrite;
    private int peekRead;
    // static Stats.total
    private int totalWrite;
    private int totalRead;
    // arrays
    private int arrWrite;
    private int arrRead;
    private int arrWrite2;
    // sync
    private int volWrite;
    private int volRead;
    private int lockSite;
    private int unlockSite;
    private Site startSite;

    @BeforeEach
    void setUp() {
        countField = symbols.field("com.example.Counter", "count");
        totalField = symbols.field("com.example.Stats", "total");
        readyField = symbols.field("com.example.Flag", "ready");
        incRead = site("Counter", "inc", 10, AccessKind.FIELD_READ, countField);
        incWrite = site("Counter", "inc", 11, AccessKind.FIELD_WRITE, countField);
        getRead = site("Counter", "get", 20, AccessKind.FIELD_READ, countField);
        resetWrite = site("Counter", "reset", 30, AccessKind.FIELD_WRITE, countField);
        peekRead = site("Counter", "peek", 40, AccessKind.FIELD_READ, countField);
        totalWrite = site("Stats", "add", 5, AccessKind.FIELD_WRITE, totalField);
        totalRead = site("Stats", "total", 6, AccessKind.FIELD_READ, totalField);
        arrWrite = site("Buffer", "put", 7, AccessKind.ARRAY_WRITE, -1);
        arrRead = site("Buffer", "get", 8, AccessKind.ARRAY_READ, -1);
        arrWrite2 = site("Buffer", "clear", 9, AccessKind.ARRAY_WRITE, -1);
        volWrite = site("Flag", "publish", 50, AccessKind.VOLATILE_WRITE, readyField);
        volRead = site("Flag", "await", 51, AccessKind.VOLATILE_READ, readyField);
        lockSite = site("Counter", "locked", 60, AccessKind.MONITOR_ENTER, -1);
        unlockSite = site("Counter", "locked", 61, AccessKind.MONITOR_EXIT, -1);
        startSite = new Site("com.example.Main", "main", "Main.java", 3);
        threads.put(new ThreadInfo(0, "main", -1, List.of()));
        for (int t = 1; t <= 4; t++) threads.put(new ThreadInfo(t, "worker-" + t, 0, List.of(startSite)));
        detector = newDetector(null);
    }

    private RaceDetector newDetector(EventVisitor next) {
        return new RaceDetector(next, symbols, threads, (tid, site) -> List.of(symbols.siteAt(site)));
    }

    private int site(String cls, String method, int line, AccessKind kind, int field) {
        return symbols.site(new Site("com.example." + cls, method, cls + ".java", line), kind, field);
    }

    private static String hex(Object o) {
        return Integer.toHexString(System.identityHashCode(o));
    }

    private RaceReport onlyRace() {
        List<RaceReport> races = detector.races();
        assertThat(races).hasSize(1);
        return races.get(0);
    }

    private void assertSide(Access a, int tid, String op, int site) {
        assertThat(a.tid()).isEqualTo(tid);
        assertThat(a.op()).isEqualTo(op);
        assertThat(a.site()).isEqualTo(symbols.siteAt(site));
        assertThat(a.stack()).containsExactly(symbols.siteAt(site));
    }

    // --- the three kinds of race ---------------------------------------------------------------

    @Test
    void unsynchronisedWriteWriteIsARace() {
        Counter c = new Counter();
        detector.write(1, c, incWrite);
        detector.write(2, c, resetWrite);

        RaceReport race = onlyRace();
        assertThat(race.variable()).isEqualTo("com.example.Counter.count");
        assertSide(race.earlier(), 1, "write", incWrite);
        assertSide(race.later(), 2, "write", resetWrite);
        assertThat(race.earlier().thread()).isEqualTo("worker-1");
        assertThat(race.later().thread()).isEqualTo("worker-2");
        assertThat(race.earlier().startedBy()).isEqualTo("main");
        assertThat(race.earlier().startStack()).containsExactly(startSite);
        assertThat(race.count()).isEqualTo(1);
    }

    @Test
    void unsynchronisedWriteReadIsARace() {
        Counter c = new Counter();
        detector.write(1, c, incWrite);
        detector.read(2, c, getRead);

        RaceReport race = onlyRace();
        assertSide(race.earlier(), 1, "write", incWrite);
        assertSide(race.later(), 2, "read", getRead);
    }

    @Test
    void unsynchronisedReadWriteIsARace() {
        Counter c = new Counter();
        detector.read(1, c, getRead);
        detector.write(2, c, resetWrite);

        RaceReport race = onlyRace();
        assertSide(race.earlier(), 1, "read", getRead);
        assertSide(race.later(), 2, "write", resetWrite);
    }

    @Test
    void readsAloneNeverRace() {
        Counter c = new Counter();
        detector.read(1, c, getRead);
        detector.read(2, c, peekRead);
        detector.read(3, c, getRead);
        assertThat(detector.races()).isEmpty();
    }

    @Test
    void oneThreadNeverRacesWithItself() {
        Counter c = new Counter();
        for (int i = 0; i < 10; i++) {
            detector.read(1, c, incRead);
            detector.write(1, c, incWrite);
            detector.acquire(1, c, lockSite);
            detector.release(1, c, unlockSite);
        }
        assertThat(detector.races()).isEmpty();
        assertThat(detector.accesses()).isEqualTo(20);
        assertThat(detector.syncEvents()).isEqualTo(20);
    }

    @Test
    void distinctObjectsAreDistinctVariables() {
        detector.write(1, new Counter(), incWrite);
        detector.write(2, new Counter(), incWrite);
        assertThat(detector.races()).isEmpty();
    }

    // --- locks ---------------------------------------------------------------------------------

    @Test
    void commonLockOrdersAccesses() {
        Counter c = new Counter();
        Object lock = new Object();
        detector.acquire(1, lock, lockSite);
        detector.read(1, c, incRead);
        detector.write(1, c, incWrite);
        detector.release(1, lock, unlockSite);
        detector.acquire(2, lock, lockSite);
        detector.read(2, c, incRead);
        detector.write(2, c, incWrite);
        detector.release(2, lock, unlockSite);
        detector.acquire(1, lock, lockSite);
        detector.read(1, c, getRead);
        detector.release(1, lock, unlockSite);
        assertThat(detector.races()).isEmpty();
    }

    @Test
    void differentLocksDoNotOrder() {
        Counter c = new Counter();
        Object lockA = new Object();
        Object lockB = new Object();
        detector.acquire(1, lockA, lockSite);
        detector.write(1, c, incWrite);
        detector.release(1, lockA, unlockSite);
        detector.acquire(2, lockB, lockSite);
        detector.write(2, c, incWrite);
        detector.release(2, lockB, unlockSite);

        RaceReport race = onlyRace();
        assertThat(race.earlier().locksHeld()).containsExactly("java.lang.Object@" + hex(lockA));
        assertThat(race.later().locksHeld()).containsExactly("java.lang.Object@" + hex(lockB));
    }

    @Test
    void locksHeldAreReportedOutermostFirstWithClassAndArrayNames() {
        Counter c = new Counter();
        int[] arrayLock = new int[1];
        Counter objectLock = new Counter();
        detector.acquire(1, String.class, lockSite);
        detector.acquire(1, arrayLock, lockSite);
        detector.write(1, c, incWrite);
        detector.release(1, arrayLock, unlockSite);
        detector.release(1, String.class, unlockSite);
        detector.acquire(2, objectLock, lockSite);
        detector.read(2, c, getRead);
        detector.release(2, objectLock, unlockSite);

        RaceReport race = onlyRace();
        assertThat(race.earlier().locksHeld())
                .containsExactly("class java.lang.String", "int[]@" + hex(arrayLock));
        assertThat(race.later().locksHeld())
                .containsExactly(Counter.class.getName() + "@" + hex(objectLock));
    }

    @Test
    void reentrantLockIsListedOnceAndHeldUntilTheLastRelease() {
        Counter c = new Counter();
        Object lock = new Object();
        detector.acquire(1, lock, lockSite);
        detector.acquire(1, lock, lockSite);
        detector.release(1, lock, unlockSite); // still held once
        detector.write(1, c, incWrite);
        detector.release(1, lock, unlockSite);
        detector.write(1, c, resetWrite);      // no lock now
        detector.write(2, c, incWrite);

        List<RaceReport> races = detector.races();
        assertThat(races).hasSize(1);
        // the later write of thread 1 (no lock) is the one thread 2 races with
        assertThat(races.get(0).earlier().site()).isEqualTo(symbols.siteAt(resetWrite));
        assertThat(races.get(0).earlier().locksHeld()).isEmpty();

        RaceDetector d = newDetector(null);
        Counter c2 = new Counter();
        d.acquire(1, lock, lockSite);
        d.acquire(1, lock, lockSite);
        d.write(1, c2, incWrite);
        d.write(2, c2, resetWrite);
        assertThat(d.races()).singleElement().satisfies(r ->
                assertThat(r.earlier().locksHeld()).containsExactly("java.lang.Object@" + hex(lock)));
    }

    @Test
    void waitReleasesAReentrantMonitorAndReacquiresIt() {
        // Hooks.wait: one release before wait, one acquire after, even when held twice
        Counter c = new Counter();
        Object monitor = new Object();
        detector.acquire(1, monitor, lockSite);
        detector.acquire(1, monitor, lockSite);
        detector.write(1, c, incWrite);
        detector.release(1, monitor, unlockSite);   // wait() gives the monitor up
        detector.acquire(2, monitor, lockSite);
        detector.read(2, c, getRead);
        detector.write(2, c, resetWrite);
        detector.release(2, monitor, unlockSite);
        detector.acquire(1, monitor, lockSite);     // wait() returns
        detector.read(1, c, getRead);
        detector.release(1, monitor, unlockSite);
        detector.release(1, monitor, unlockSite);
        assertThat(detector.races()).isEmpty();
    }

    @Test
    void releaseOfALockNotHeldIsHarmless() {
        Counter c = new Counter();
        Object lock = new Object();
        assertThatCode(() -> {
            detector.release(1, lock, unlockSite);
            detector.release(1, lock, unlockSite);
            detector.acquire(1, lock, lockSite);
            detector.release(1, lock, unlockSite);
            detector.release(1, lock, unlockSite);
        }).doesNotThrowAnyException();
        // the stray releases still publish thread 1's clock through the lock
        detector.write(1, c, incWrite);
        detector.release(1, lock, unlockSite);
        detector.acquire(2, lock, lockSite);
        detector.write(2, c, incWrite);
        assertThat(detector.races()).isEmpty();
    }

    // --- start and join ------------------------------------------------------------------------

    @Test
    void startAndJoinOrderAccesses() {
        Counter c = new Counter();
        detector.write(0, c, resetWrite);
        detector.threadStart(0, 1);
        detector.threadStart(0, 2);
        detector.read(1, c, getRead);
        detector.read(2, c, peekRead);
        detector.threadJoin(0, 1);
        detector.threadJoin(0, 2);
        detector.write(0, c, resetWrite);
        detector.threadStart(0, 3);
        detector.write(3, c, incWrite);
        detector.threadJoin(0, 3);
        detector.read(0, c, getRead);
        assertThat(detector.races()).isEmpty();
    }

    @Test
    void accessBeforeJoinRaces() {
        Counter c = new Counter();
        detector.threadStart(0, 1);
        detector.write(1, c, incWrite);
        detector.read(0, c, getRead);     // main did not join
        detector.threadJoin(0, 1);
        RaceReport race = onlyRace();
        assertSide(race.earlier(), 1, "write", incWrite);
        assertSide(race.later(), 0, "read", getRead);
    }

    @Test
    void parentAccessAfterStartRacesWithChild() {
        Counter c = new Counter();
        detector.threadStart(0, 1);
        detector.write(0, c, resetWrite);
        detector.write(1, c, incWrite);
        assertThat(onlyRace().earlier().tid()).isZero();
    }

    @Test
    void startIsTransitive() {
        Counter c = new Counter();
        detector.write(0, c, resetWrite);
        detector.threadStart(0, 1);
        detector.threadStart(1, 2);
        detector.write(2, c, incWrite);
        detector.threadJoin(1, 2);
        detector.threadJoin(0, 1);
        detector.read(0, c, getRead);
        assertThat(detector.races()).isEmpty();
    }

    // --- volatile and other sync locations -----------------------------------------------------

    @Test
    void volatileHandoffOrdersAccesses() {
        Counter c = new Counter();
        Flag flag = new Flag();
        detector.write(1, c, incWrite);
        detector.syncRelease(1, flag, readyField, volWrite);
        detector.syncAcquire(2, flag, readyField, volRead);
        detector.read(2, c, getRead);
        detector.write(2, c, resetWrite);
        assertThat(detector.races()).isEmpty();
    }

    @Test
    void readBeforeTheVolatileHandoffRaces() {
        Counter c = new Counter();
        Flag flag = new Flag();
        detector.write(1, c, incWrite);
        detector.read(2, c, getRead);                       // before it saw the flag
        detector.syncRelease(1, flag, readyField, volWrite);
        detector.syncAcquire(2, flag, readyField, volRead);
        RaceReport race = onlyRace();
        assertSide(race.earlier(), 1, "write", incWrite);
        assertSide(race.later(), 2, "read", getRead);
    }

    @Test
    void writeAfterTheVolatileReleaseIsNotPublished() {
        Counter c = new Counter();
        Flag flag = new Flag();
        detector.syncRelease(1, flag, readyField, volWrite);
        detector.write(1, c, incWrite);                     // after the release
        detector.syncAcquire(2, flag, readyField, volRead);
        detector.read(2, c, getRead);
        assertThat(detector.races()).hasSize(1);
    }

    @Test
    void differentVolatileLocationsDoNotOrder() {
        Counter c = new Counter();
        Flag flagA = new Flag();
        Flag flagB = new Flag();
        detector.write(1, c, incWrite);
        detector.syncRelease(1, flagA, readyField, volWrite);
        detector.syncAcquire(2, flagB, readyField, volRead);
        detector.read(2, c, getRead);
        assertThat(detector.races()).hasSize(1);
    }

    @Test
    void staticVolatileHandoffOrdersAccesses() {
        detector.write(1, null, totalWrite);
        detector.syncRelease(1, null, readyField, volWrite);
        detector.syncAcquire(2, null, readyField, volRead);
        detector.read(2, null, totalRead);
        assertThat(detector.races()).isEmpty();
    }

    @Test
    void syncReleaseJoinsSeveralWriters() {
        Counter a = new Counter();
        Counter b = new Counter();
        Flag flag = new Flag();
        detector.write(1, a, incWrite);
        detector.syncRelease(1, flag, readyField, volWrite);
        detector.write(2, b, incWrite);
        detector.syncRelease(2, flag, readyField, volWrite);
        detector.syncAcquire(3, flag, readyField, volRead);
        detector.read(3, a, getRead);
        detector.read(3, b, getRead);
        assertThat(detector.races()).isEmpty();
    }

    // --- read-shared ---------------------------------------------------------------------------

    @Test
    void concurrentReadersThenUnorderedWriteRacesWithEachReader() {
        Counter c = new Counter();
        detector.write(0, c, resetWrite);
        detector.threadStart(0, 1);
        detector.threadStart(0, 2);
        detector.threadStart(0, 3);
        detector.read(1, c, getRead);
        detector.read(2, c, peekRead);     // concurrent with thread 1's read: read-shared
        detector.read(1, c, getRead);      // same epoch, shared fast path
        detector.write(3, c, incWrite);    // ordered with neither reader

        List<RaceReport> races = detector.races();
        assertThat(races).hasSize(2);
        assertThat(races).allSatisfy(r -> {
            assertThat(r.earlier().op()).isEqualTo("read");
            assertSide(r.later(), 3, "write", incWrite);
        });
        assertThat(races).extracting(r -> r.earlier().tid()).containsExactlyInAnyOrder(1, 2);
        assertThat(races).extracting(r -> r.earlier().site())
                .containsExactlyInAnyOrder(symbols.siteAt(getRead), symbols.siteAt(peekRead));
    }

    @Test
    void concurrentReadersThenWriteAfterJoinsIsOrdered() {
        Counter c = new Counter();
        detector.write(0, c, resetWrite);
        detector.threadStart(0, 1);
        detector.threadStart(0, 2);
        detector.threadStart(0, 3);
        detector.read(1, c, getRead);
        detector.read(2, c, peekRead);
        detector.read(3, c, getRead);
        detector.threadJoin(0, 1);
        detector.threadJoin(0, 2);
        detector.threadJoin(0, 3);
        detector.write(0, c, incWrite);
        // back to exclusive reads: a new reader ordered after the write is fine
        detector.threadStart(0, 4);
        detector.read(4, c, getRead);
        assertThat(detector.races()).isEmpty();
    }

    @Test
    void writeAfterOnlySomeReadersJoinedRacesWithTheOthers() {
        Counter c = new Counter();
        detector.threadStart(0, 1);
        detector.threadStart(0, 2);
        detector.read(1, c, getRead);
        detector.read(2, c, peekRead);
        detector.threadJoin(0, 1);
        detector.write(0, c, incWrite);
        RaceReport race = onlyRace();
        assertSide(race.earlier(), 2, "read", peekRead);
        assertSide(race.later(), 0, "write", incWrite);
    }

    @Test
    void readSharedWithManyAndLargeThreadIds() {
        Counter c = new Counter();
        detector.write(0, c, resetWrite);
        List<Integer> tids = new ArrayList<>();
        for (int i = 1; i <= 40; i++) tids.add(i * 2_503); // up to ~100k
        for (int t : tids) detector.threadStart(0, t);
        for (int t : tids) detector.read(t, c, getRead);
        for (int t : tids) detector.read(t, c, getRead); // same epoch
        for (int t : tids) detector.threadJoin(0, t);
        detector.write(0, c, incWrite);
        assertThat(detector.races()).isEmpty();

        detector.threadStart(0, 200_000);
        detector.read(200_000, c, getRead);
        detector.read(1, c, peekRead);   // thread 1 never ordered after main's write
        assertThat(detector.races()).hasSize(1);
    }

    // --- arrays --------------------------------------------------------------------------------

    @Test
    void sameArrayElementRaces() {
        int[] arr = new int[8];
        detector.arrayWrite(1, arr, 3, arrWrite);
        detector.arrayRead(2, arr, 3, arrRead);
        RaceReport race = onlyRace();
        assertThat(race.variable()).isEqualTo("int[]@" + hex(arr) + "[3]");
        assertSide(race.earlier(), 1, "write", arrWrite);
        assertSide(race.later(), 2, "read", arrRead);
    }

    @Test
    void distinctArrayElementsDoNotRace() {
        long[] arr = new long[1000];
        for (int i = 0; i < 1000; i++) detector.arrayWrite(i % 4 + 1, arr, i, arrWrite);
        for (int i = 0; i < 1000; i++) detector.arrayRead(i % 4 + 1, arr, i, arrRead);
        assertThat(detector.races()).isEmpty();
        detector.arrayWrite(2, arr, 999, arrWrite2); // element 999 belongs to thread 4
        // races with thread 4's write and with its read: two pairs of sites
        assertThat(detector.races()).hasSize(2).allSatisfy(r -> {
            assertThat(r.variable()).isEqualTo("long[]@" + hex(arr) + "[999]");
            assertThat(r.earlier().tid()).isEqualTo(4);
        });
    }

    @Test
    void objectArrayNameAndOutOfBoundsIndexIsIgnored() {
        String[][] arr = new String[2][];
        detector.arrayWrite(1, arr, 5, arrWrite);   // would throw in the program: not a variable
        detector.arrayWrite(2, arr, 5, arrWrite);
        detector.arrayWrite(1, arr, -1, arrWrite);
        detector.arrayWrite(2, arr, -1, arrWrite);
        assertThat(detector.races()).isEmpty();
        detector.arrayWrite(1, arr, 1, arrWrite);
        detector.arrayWrite(2, arr, 1, arrWrite2);
        assertThat(onlyRace().variable()).isEqualTo("java.lang.String[][]@" + hex(arr) + "[1]");
    }

    @Test
    void offlineStandInArraysGrowOnDemand() {
        Object standIn = new Object(); // offline traces pass a canonical object, not an array
        detector.arrayWrite(1, standIn, 100_000, arrWrite);
        detector.arrayWrite(2, standIn, 100_001, arrWrite);
        assertThat(detector.races()).isEmpty();
        detector.arrayRead(2, standIn, 100_000, arrRead);
        assertThat(onlyRace().variable()).isEqualTo("java.lang.Object@" + hex(standIn) + "[100000]");
    }

    // --- static fields -------------------------------------------------------------------------

    @Test
    void staticFieldsRaceByFieldAlone() {
        detector.write(1, null, totalWrite);
        detector.read(2, null, totalRead);
        RaceReport race = onlyRace();
        assertThat(race.variable()).isEqualTo("com.example.Stats.total");
        assertSide(race.earlier(), 1, "write", totalWrite);
        assertSide(race.later(), 2, "read", totalRead);
    }

    @Test
    void staticAndInstanceFieldsAreDistinct() {
        Counter c = new Counter();
        detector.write(1, null, incWrite);   // as if count were static
        detector.write(2, c, incWrite);
        assertThat(detector.races()).isEmpty();
    }

    // --- reporting -----------------------------------------------------------------------------

    @Test
    void samePairOfSitesIsReportedOnceAndCounted() {
        Counter c = new Counter();
        for (int i = 0; i < 5; i++) {
            detector.write(1, c, incWrite);
            detector.write(2, c, resetWrite);
            detector.release(1, new Object(), unlockSite); // new epochs, still unordered
            detector.release(2, new Object(), unlockSite);
        }
        RaceReport race = onlyRace();
        // the first race: 1's incWrite then 2's resetWrite; afterwards both orders, same pair
        assertSide(race.earlier(), 1, "write", incWrite);
        assertSide(race.later(), 2, "write", resetWrite);
        assertThat(race.count()).isEqualTo(9);

        detector.read(3, c, getRead);
        List<RaceReport> races = detector.races();
        assertThat(races).hasSize(2);
        assertThat(races.get(0).count()).isEqualTo(9);
        assertThat(races.get(1).later().site()).isEqualTo(symbols.siteAt(getRead));
        assertThat(races.get(1).count()).isEqualTo(1);
    }

    @Test
    void racesSnapshotIsStableAndCountsGrow() {
        Counter c = new Counter();
        detector.write(1, c, incWrite);
        detector.write(2, c, incWrite);
        List<RaceReport> before = detector.races();
        detector.release(1, new Object(), unlockSite);
        detector.write(1, c, incWrite);
        assertThat(before.get(0).count()).isEqualTo(1);
        assertThat(detector.races().get(0).count()).isEqualTo(2);
        assertThat(before.get(0).earlier().site()).isEqualTo(symbols.siteAt(incWrite));
    }

    @Test
    void laterStackComesFromTheStackSource() {
        Site caller = new Site("com.example.Main", "run", "Main.java", 99);
        RaceDetector d = new RaceDetector(null, symbols, threads,
                (tid, site) -> List.of(symbols.siteAt(site), caller));
        Counter c = new Counter();
        d.write(1, c, incWrite);
        d.write(2, c, resetWrite);
        RaceReport race = d.races().get(0);
        assertThat(race.later().stack()).containsExactly(symbols.siteAt(resetWrite), caller);
        assertThat(race.earlier().stack()).containsExactly(symbols.siteAt(incWrite));
    }

    @Test
    void failingStackSourceFallsBackToTheSite() {
        RaceDetector d = new RaceDetector(null, symbols, threads, (tid, site) -> {
            throw new IllegalStateException("no stack");
        });
        Counter c = new Counter();
        d.write(1, c, incWrite);
        d.write(2, c, resetWrite);
        assertThat(d.races().get(0).later().stack()).containsExactly(symbols.siteAt(resetWrite));
    }

    @Test
    void unknownThreadsGetDefaultNamesAndNoStarter() {
        Counter c = new Counter();
        detector.write(7, c, incWrite);
        detector.write(8, c, incWrite);
        RaceReport race = onlyRace();
        assertThat(race.earlier().thread()).isEqualTo("thread-7");
        assertThat(race.earlier().startedBy()).isNull();
        assertThat(race.earlier().startStack()).isEmpty();
        assertThat(race.later().tid()).isEqualTo(8);
    }

    @Test
    void mainThreadHasNoStarter() {
        Counter c = new Counter();
        detector.write(0, c, incWrite);
        detector.write(1, c, incWrite);
        RaceReport race = onlyRace();
        assertThat(race.earlier().thread()).isEqualTo("main");
        assertThat(race.earlier().startedBy()).isNull();
        assertThat(race.later().startedBy()).isEqualTo("main");
    }

    // --- plumbing ------------------------------------------------------------------------------

    @Test
    void everyEventIsForwardedToTheNextVisitor() {
        List<String> seen = new ArrayList<>();
        EventVisitor recorder = new EventVisitor(null) {
            @Override public void threadStart(int p, int c) { seen.add("start"); }
            @Override public void threadJoin(int j, int d) { seen.add("join"); }
            @Override public void read(int t, Object o, int s) { seen.add("read"); }
            @Override public void write(int t, Object o, int s) { seen.add("write"); }
            @Override public void arrayRead(int t, Object a, int i, int s) { seen.add("arrayRead"); }
            @Override public void arrayWrite(int t, Object a, int i, int s) { seen.add("arrayWrite"); }
            @Override public void acquire(int t, Object l, int s) { seen.add("acquire"); }
            @Override public void release(int t, Object l, int s) { seen.add("release"); }
            @Override public void syncRelease(int t, Object o, int k, int s) { seen.add("syncRelease"); }
            @Override public void syncAcquire(int t, Object o, int k, int s) { seen.add("syncAcquire"); }
            @Override public void finish() { seen.add("finish"); }
        };
        RaceDetector d = newDetector(recorder);
        Counter c = new Counter();
        int[] a = new int[1];
        d.threadStart(0, 1);
        d.read(1, c, getRead);
        d.write(1, c, incWrite);
        d.arrayRead(1, a, 0, arrRead);
        d.arrayWrite(1, a, 0, arrWrite);
        d.acquire(1, c, lockSite);
        d.release(1, c, unlockSite);
        d.syncRelease(1, c, readyField, volWrite);
        d.syncAcquire(1, c, readyField, volRead);
        d.threadJoin(0, 1);
        d.finish();
        assertThat(seen).containsExactly("start", "read", "write", "arrayRead", "arrayWrite", "acquire",
                "release", "syncRelease", "syncAcquire", "join", "finish");
        assertThat(d.accesses()).isEqualTo(4);
        assertThat(d.syncEvents()).isEqualTo(6);
    }

    @Test
    void invalidThreadIdsAreSkippedNotThrown() {
        Counter c = new Counter();
        assertThatCode(() -> {
            detector.write(-1, c, incWrite);
            detector.write(Integer.MAX_VALUE, c, incWrite);
            detector.acquire(-5, c, lockSite);
            detector.threadStart(-1, 3);
        }).doesNotThrowAnyException();
        assertThat(detector.races()).isEmpty();
    }

    // --- real threads --------------------------------------------------------------------------

    /** Events fed online from real threads, in the order the agent's hooks would deliver them. */
    @Test
    void concurrentCorrectlySynchronisedRunHasNoRace() throws Exception {
        final int workers = 8;
        final int rounds = 3_000;
        final Counter shared = new Counter();
        final Object lock = new Object();
        final int[] slots = new int[workers * 4];
        final Flag flag = new Flag();
        final Counter published = new Counter();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();
        final AtomicInteger started = new AtomicInteger();

        // main publishes before starting anybody
        detector.write(0, published, resetWrite);

        List<Thread> running = new ArrayList<>();
        for (int w = 1; w <= workers; w++) {
            final int tid = w;
            Thread thread = new Thread(() -> {
                try {
                    started.incrementAndGet();
                    Counter own = new Counter();
                    for (int i = 0; i < rounds; i++) {
                        synchronized (lock) {
                            detector.acquire(tid, lock, lockSite);
                            detector.read(tid, shared, incRead);
                            shared.count++;
                            detector.write(tid, shared, incWrite);
                            detector.release(tid, lock, unlockSite);
                        }
                        // thread-confined data, and this thread's own array elements
                        detector.write(tid, own, incWrite);
                        detector.read(tid, own, getRead);
                        int idx = (tid - 1) * 4 + (i & 3);
                        detector.arrayWrite(tid, slots, idx, arrWrite);
                        slots[idx]++;
                        detector.arrayRead(tid, slots, idx, arrRead);
                        // everybody reads what main wrote before start (read-shared)
                        detector.read(tid, published, getRead);
                        // short-lived locks, to churn the weak map
                        Object tmp = new Object();
                        synchronized (tmp) {
                            detector.acquire(tid, tmp, lockSite);
                            detector.release(tid, tmp, unlockSite);
                        }
                        // volatile traffic
                        if (flag.ready) detector.syncAcquire(tid, flag, readyField, volRead);
                        detector.syncRelease(tid, flag, readyField, volWrite);
                        flag.ready = true;
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "worker-" + tid);
            detector.threadStart(0, tid); // before the real start
            thread.start();
            running.add(thread);
        }
        for (int w = 1; w <= workers; w++) {
            running.get(w - 1).join();
            detector.threadJoin(0, w);
        }
        detector.read(0, shared, getRead);
        detector.write(0, published, incWrite);
        for (int i = 0; i < slots.length; i++) detector.arrayRead(0, slots, i, arrRead);

        assertThat(failures).isEmpty();
        assertThat(started.get()).isEqualTo(workers);
        assertThat(shared.count).isEqualTo(workers * rounds);
        assertThat(detector.races()).isEmpty();
        long expectedAccesses = (long) workers * rounds * 7 + 2 + 1 + slots.length;
        assertThat(detector.accesses()).isEqualTo(expectedAccesses);
        assertThat(detector.syncEvents()).isGreaterThanOrEqualTo((long) workers * rounds * 5 + 2L * workers);
    }

    @Test
    void concurrentUnsynchronisedRunFindsTheRaceWithoutFailing() throws Exception {
        final int workers = 6;
        final Counter shared = new Counter();
        final int[] arr = new int[16];
        final CountDownLatch go = new CountDownLatch(1);
        final List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int w = 1; w <= workers; w++) {
            final int tid = w;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < 2_000; i++) {
                        detector.read(tid, shared, incRead);
                        detector.write(tid, shared, incWrite);
                        detector.arrayWrite(tid, arr, i & 15, arrWrite);
                        detector.arrayRead(tid, arr, (i + 1) & 15, arrRead);
                        if ((i & 63) == 0) detector.release(tid, new Object(), unlockSite);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            detector.threadStart(0, tid);
            thread.start();
            running.add(thread);
        }
        go.countDown();
        for (int w = 1; w <= workers; w++) {
            running.get(w - 1).join();
            detector.threadJoin(0, w);
        }
        assertThat(failures).isEmpty();
        List<RaceReport> races = detector.races();
        assertThat(races).isNotEmpty();
        assertThat(races).extracting(RaceReport::variable).contains("com.example.Counter.count");
        // one report per pair of sites
        assertThat(races).extracting(r -> {
            int a = r.earlier().site().line();
            int b = r.later().site().line();
            return Math.min(a, b) + ":" + Math.max(a, b);
        }).doesNotHaveDuplicates();
        assertThat(races).allSatisfy(r -> assertThat(r.count()).isPositive());
    }
}
