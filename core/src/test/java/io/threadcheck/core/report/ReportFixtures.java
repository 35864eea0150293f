package io.threadcheck.core.report;

import io.threadcheck.core.record.Site;
import java.util.List;

/** Reports shared by the report tests. */
final class ReportFixtures {

    private ReportFixtures() {}

    static final Site INC = new Site("com.example.Counter", "inc", "Counter.java", 12);
    static final Site LAMBDA = new Site("com.example.Counter", "lambda$main$0", "Counter.java", 17);
    static final Site RUN = new Site("java.lang.Thread", "run", "Thread.java", 840);
    static final Site MAIN = new Site("com.example.Counter", "main", "Counter.java", 20);
    static final Site NO_SOURCE = new Site("Gen", "get", null, 0);

    static final RunSummary RUN_SUMMARY = new RunSummary(3, 5, 2000, 12, 150);

    /** worker-1 wrote under a lock, then worker-2 wrote without one. */
    static RaceReport counterRace(long count) {
        Access earlier = new Access("worker-1", 1, "write", INC, List.of(INC, LAMBDA, RUN),
                List.of("java.lang.Object@1b6d3586"), "main", List.of(MAIN));
        Access later = new Access("worker-2", 2, "write", INC, List.of(INC, LAMBDA, RUN),
                List.of(), "main", List.of(new Site("com.example.Counter", "main", "Counter.java", 21)));
        return new RaceReport("com.example.Counter.count", earlier, later, count);
    }

    /** main read, unlocked, racing with a write by a thread of unknown origin, in code without debug info. */
    static RaceReport arrayRace() {
        Access earlier = new Access("main", 0, "read", NO_SOURCE, List.of(NO_SOURCE),
                List.of(), null, List.of());
        Access later = new Access("pool-1-thread-1", 4, "write", LAMBDA, List.of(LAMBDA),
                List.of("java.util.concurrent.locks.ReentrantLock@5e2de80c", "java.lang.Object@1b6d3586"),
                null, List.of());
        return new RaceReport("int[]@7a81197d[3]", earlier, later, 1);
    }

    static DeadlockReport deadlock() {
        Site a1 = new Site("com.example.Bank", "transfer", "Bank.java", 30);
        Site a2 = new Site("com.example.Bank", "transfer", "Bank.java", 31);
        return new DeadlockReport(DeadlockReport.Status.CONFIRMED, List.of(
                new DeadlockReport.Step("t1", 1, "com.example.Account@11", a1, List.of(a1, MAIN),
                        "com.example.Account@22", a2, List.of(a2, MAIN)),
                new DeadlockReport.Step("t2", "com.example.Account@22", a1, "com.example.Account@11", LAMBDA)), 2);
    }

    static ContentionReport contention() {
        return new ContentionReport("java.lang.Object@1b6d3586", "monitor", INC, 1200, 30, 12_345_678, 1_200_000,
                40_100_000, 300_000, 900_000, 1_100_000, 5_000_000, 0.25,
                List.of(new ContentionReport.SiteTime(INC, 30, 12_345_678)),
                List.of(new ContentionReport.SiteTime(INC, 1200, 40_100_000)),
                List.of(new ContentionReport.Blame(INC, INC, 30, 12_345_678)));
    }

    /** Everything at once: two races, a deadlock, contention, lambdas, unknowns and non-ASCII. */
    static Report full() {
        Site unicode = new Site("com.example.Zähler", "zähle", "Zähler.java", 7);
        Access e = new Access("wörker \"1\"", 7, "read", unicode, List.of(unicode), List.of(), "main", List.of(MAIN));
        Access l = new Access("w2", 8, "write", unicode, List.of(unicode), List.of(), "wörker \"1\"", List.of(unicode));
        return new Report(
                List.of(counterRace(3), arrayRace(), new RaceReport("com.example.Zähler.n", e, l, Long.MAX_VALUE)),
                List.of(deadlock()),
                List.of(contention(), new ContentionReport("x@1", null, 0, 0, 0, 0, 0)),
                RUN_SUMMARY);
    }

    static Report clean() {
        return new Report(List.of(), List.of(), List.of(), RUN_SUMMARY);
    }
}
