package io.threadcheck.core.report;

import static io.threadcheck.core.report.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.threadcheck.core.record.Site;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReportWriterTest {

    private static String text(Report report) {
        return new TextReportWriter().render(report);
    }

    @Test
    void raceInTheMannerOfThreadSanitizer() {
        String text = text(new Report(List.of(counterRace(1234)), List.of(), List.of(), RUN_SUMMARY));
        assertThat(text).isEqualTo("""
                ==================
                WARNING: threadcheck: data race on com.example.Counter.count (seen 1234 times)
                  Write by thread "worker-2" (tid 2):
                    #0 Counter.inc(Counter.java:12)
                    #1 Counter.main[lambda](Counter.java:17)
                    #2 Thread.run(Thread.java:840)
                    Locks held: none
                  Previous write by thread "worker-1" (tid 1):
                    #0 Counter.inc(Counter.java:12)
                    #1 Counter.main[lambda](Counter.java:17)
                    #2 Thread.run(Thread.java:840)
                    Locks held: java.lang.Object@1b6d3586
                  Thread "worker-2" (tid 2) was started by thread "main" at:
                    #0 Counter.main(Counter.java:21)
                  Thread "worker-1" (tid 1) was started by thread "main" at:
                    #0 Counter.main(Counter.java:20)
                  SUMMARY: data race Counter.java:12 in Counter.inc / Counter.java:12 in Counter.inc
                ==================
                threadcheck: 1 data race (distinct site pair), 0 deadlocks; checked 3 threads, 5 classes, 2000 accesses, 12 sync events in 150 ms
                """);
    }

    @Test
    void laterAccessFirstUnknownStarterLambdaAndMissingSource() {
        String text = text(new Report(List.of(arrayRace()), List.of(), List.of(), RUN_SUMMARY));
        assertThat(text).isEqualTo("""
                ==================
                WARNING: threadcheck: data race on int[]@7a81197d[3]
                  Write by thread "pool-1-thread-1" (tid 4):
                    #0 Counter.main[lambda](Counter.java:17)
                    Locks held: java.util.concurrent.locks.ReentrantLock@5e2de80c, java.lang.Object@1b6d3586
                  Previous read by thread "main" (tid 0):
                    #0 Gen.get(Unknown Source)
                    Locks held: none
                  Thread "pool-1-thread-1" (tid 4) is the main thread or was started outside instrumented code.
                  Thread "main" (tid 0) is the main thread or was started outside instrumented code.
                  SUMMARY: data race Counter.java:17 in Counter.main[lambda] / Unknown Source in Gen.get
                ==================
                threadcheck: 1 data race (distinct site pair), 0 deadlocks; checked 3 threads, 5 classes, 2000 accesses, 12 sync events in 150 ms
                """);
    }

    @Test
    void seenCountOnlyWhenMoreThanOnce() {
        assertThat(text(new Report(List.of(counterRace(1)), List.of(), List.of(), RUN_SUMMARY)))
                .contains("data race on com.example.Counter.count\n")
                .doesNotContain("seen");
        assertThat(text(new Report(List.of(counterRace(2)), List.of(), List.of(), RUN_SUMMARY)))
                .contains("data race on com.example.Counter.count (seen 2 times)\n");
    }

    @Test
    void aThreadsStartIsToldOnlyOncePerRace() {
        Access first = new Access("w", 5, "read", INC, List.of(INC), List.of(), "main", List.of(MAIN));
        Access second = new Access("w", 5, "write", INC, List.of(INC), List.of(), "main", List.of(MAIN));
        Access orphan1 = new Access("x", 6, "read", INC, List.of(INC), List.of(), null, List.of());
        Access orphan2 = new Access("x", 6, "write", INC, List.of(INC), List.of(), null, List.of());
        String text = text(new Report(List.of(new RaceReport("v", first, second, 1),
                new RaceReport("u", orphan1, orphan2, 1)), List.of(), List.of(), RUN_SUMMARY));
        assertThat(count(text, "Thread \"w\" (tid 5) was started by thread \"main\" at:")).isEqualTo(1);
        assertThat(count(text, "Thread \"x\" (tid 6) is the main thread")).isEqualTo(1);
    }

    @Test
    void startedByAKnownThreadAtAnUnknownPlace() {
        Access a = new Access("w", 5, "read", INC, List.of(INC), List.of(), "main", List.of());
        Access b = new Access("v", 6, "write", INC, List.of(), List.of(), "w", List.of(INC));
        String text = text(new Report(List.of(new RaceReport("v", a, b, 1)), List.of(), List.of(), RUN_SUMMARY));
        assertThat(text).contains("  Thread \"w\" (tid 5) was started by thread \"main\" at an unknown location.\n");
        // an empty stack falls back to the access site
        assertThat(text).contains("  Write by thread \"v\" (tid 6):\n    #0 Counter.inc(Counter.java:12)\n");
    }

    @Test
    void racesInReportOrderEachBetweenRules() {
        String text = text(new Report(List.of(counterRace(3), arrayRace()), List.of(), List.of(), RUN_SUMMARY));
        assertThat(text.indexOf("com.example.Counter.count")).isLessThan(text.indexOf("int[]@7a81197d[3]"));
        assertThat(count(text, "==================\n")).isEqualTo(4);
        assertThat(count(text, "WARNING: threadcheck: data race on ")).isEqualTo(2);
        assertThat(text).endsWith("\nthreadcheck: 2 data races (distinct site pairs), 0 deadlocks; "
                + "checked 3 threads, 5 classes, 2000 accesses, 12 sync events in 150 ms\n");
        assertThat(text.lines().filter(l -> l.startsWith("threadcheck: ")).count()).isEqualTo(1);
    }

    @Test
    void cleanRunIsJustTheSummaryLine() {
        assertThat(text(clean())).isEqualTo("threadcheck: no data races found; "
                + "checked 3 threads, 5 classes, 2000 accesses, 12 sync events in 150 ms\n");
        Report tiny = new Report(List.of(), List.of(), List.of(), new RunSummary(1, 1, 1, 1, 0));
        assertThat(TextReportWriter.summaryLine(tiny)).isEqualTo(
                "threadcheck: no data races found; checked 1 thread, 1 class, 1 access, 1 sync event in 0 ms");
        assertThat(TextReportWriter.summaryLine(new Report(List.of(), List.of(), List.of(), null)))
                .isEqualTo("threadcheck: no data races found; no run summary");
    }

    @Test
    void deadlockAndContentionSectionsOnlyWhenNonEmpty() {
        assertThat(text(clean())).doesNotContain("deadlock (", "lock-order", "contention");

        String text = text(new Report(List.of(), List.of(deadlock()), List.of(contention()), RUN_SUMMARY));
        assertThat(text).isEqualTo("""
                ==================
                WARNING: threadcheck: lock-order inversion (deadlock confirmed: a reordering of this run reaches it) involving 2 threads (seen 2 times)
                  Thread "t1" (tid 1) holds com.example.Account@11 (taken at Bank.transfer(Bank.java:30))
                      #1 Counter.main(Counter.java:20)
                    and then takes com.example.Account@22 at Bank.transfer(Bank.java:31)
                      #1 Counter.main(Counter.java:20)
                  Thread "t2" holds com.example.Account@22 (taken at Bank.transfer(Bank.java:30))
                    and then takes com.example.Account@11 at Counter.main[lambda](Counter.java:17)
                  SUMMARY: lock-order inversion Bank.java:31 in Bank.transfer / Counter.java:17 in Counter.main[lambda]
                ==================
                ==================
                Lock contention (1 lock, most waited for first):
                  java.lang.Object@1b6d3586 (monitor) at Counter.inc(Counter.java:12)
                    1200 acquisitions, 30 contended (2.5%); waited 12.346 ms in total, 1.200 ms at most; held 40.100 ms in total
                    wait per contended acquisition: mean 0.412 ms, p50 0.300 ms, p90 0.900 ms, p99 1.100 ms
                    held 25.0% of the run; in wait/await on it 5.000 ms
                    waited at Counter.inc(Counter.java:12): 30 times, 12.346 ms
                    held at Counter.inc(Counter.java:12): 1200 times, 40.100 ms
                    waiters at Counter.inc(Counter.java:12) were kept waiting by the holder at Counter.inc(Counter.java:12): 30 times, 12.346 ms
                ==================
                threadcheck: 0 data races (distinct site pairs), 1 deadlock; checked 3 threads, 5 classes, 2000 accesses, 12 sync events in 150 ms
                """);
        assertThat(text.lines().filter(l -> l.startsWith("threadcheck: ")).count()).isEqualTo(1);
    }

    @Test
    void namesCannotBreakLines() {
        Access a = new Access("evil\nWARNING: fake", 1, "write", INC, List.of(INC), List.of("l\r\n"), null, List.of());
        String text = text(new Report(List.of(new RaceReport("x\ty\u0007", a, a, 1)), List.of(), List.of(), RUN_SUMMARY));
        assertThat(text).contains("data race on x\\ty\\u0007\n");
        assertThat(text).contains("Write by thread \"evil\\nWARNING: fake\" (tid 1):\n");
        assertThat(text).contains("Locks held: l\\r\\n\n");
        assertThat(text.lines().filter(l -> l.startsWith("WARNING")).count()).isEqualTo(1);
    }

    @Test
    void writerIsFlushedNotClosedAndFileIsUtf8(@TempDir Path dir) throws IOException {
        StringWriter out = new StringWriter();
        new TextReportWriter().write(full(), out);
        out.write("more");
        assertThat(out.toString()).endsWith("ms\nmore");

        Path file = dir.resolve("out/threadcheck-report.txt");
        new TextReportWriter().write(full(), file);
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(text(full()));
        assertThat(written).contains("Zähler.zähle(Zähler.java:7)");
        assertThat(written).contains("(seen " + Long.MAX_VALUE + " times)");
        assertThat(written).contains("  Thread \"w2\" (tid 8) was started by thread \"wörker \\\"1\\\"\" at:\n");
        assertThat(written).contains("  Previous read by thread \"wörker \\\"1\\\"\" (tid 7):\n");
    }

    @Test
    void everyFrameUsesTheSiteFrameString() {
        String text = text(full());
        for (RaceReport race : full().races()) {
            for (Access a : List.of(race.earlier(), race.later())) {
                for (Site s : a.stack()) assertThat(text).contains(" " + s.toFrameString() + "\n");
            }
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }
}
