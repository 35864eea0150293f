package io.threadcheck.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.threadcheck.core.record.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging the reports of several JVMs, suppression files and baselines, on real files. */
class FindingFiltersTest {

    @TempDir
    Path dir;

    @Test
    void mergeListsARaceOnceWithTheCountsAddedWhicheverAccessCameFirst() {
        RaceReport race = ReportFixtures.arrayRace();
        RaceReport swapped = new RaceReport("int[]@1234abcd[3]", race.later(), race.earlier(), 5);
        Report merged = ReportMerger.merge(List.of(
                new Report(List.of(race), List.of(), List.of(), ReportFixtures.RUN_SUMMARY),
                new Report(List.of(swapped, ReportFixtures.counterRace(2)), List.of(), List.of(), ReportFixtures.RUN_SUMMARY)));
        assertThat(merged.races()).hasSize(2);
        assertThat(merged.races().get(0).count()).isEqualTo(6);
        assertThat(merged.races().get(1).variable()).isEqualTo("com.example.Counter.count");
        assertThat(merged.run()).isEqualTo(new RunSummary(6, 10, 4000, 24, 300));
    }

    @Test
    void mergeKeepsTheStrongestStatusOfACycleAndEveryLockOfContention() {
        DeadlockReport confirmed = ReportFixtures.deadlock();
        DeadlockReport occurred = new DeadlockReport(DeadlockReport.Status.OCCURRED, confirmed.cycle(), 1);
        ContentionReport hot = ReportFixtures.contention();
        ContentionReport cold = new ContentionReport("y@2", null, 0, 0, 0, 0, 0);
        Report merged = ReportMerger.merge(List.of(
                new Report(List.of(), List.of(confirmed), List.of(cold), ReportFixtures.RUN_SUMMARY),
                new Report(List.of(), List.of(occurred), List.of(hot), ReportFixtures.RUN_SUMMARY)));
        assertThat(merged.deadlocks()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeadlockReport.Status.OCCURRED);
            assertThat(d.count()).isEqualTo(3);
        });
        assertThat(merged.contention()).containsExactly(hot, cold);
    }

    @Test
    void suppressionMatchesVariablesFramesAndFilesAnywhereWithWildcardsAndAnchors() throws IOException {
        Suppressions rules = Suppressions.read(write("supp.txt",
                "# legacy code we will not fix",
                "race:com.example.Coun*.inc   # a frame",
                "",
                "deadlock:^com.example.Bank.transfer$"));
        assertThat(rules.suppressing(ReportFixtures.counterRace(1))).isEqualTo("race:com.example.Coun*.inc");
        assertThat(rules.suppressing(ReportFixtures.arrayRace())).isNull();
        assertThat(rules.suppressing(ReportFixtures.deadlock())).isEqualTo("deadlock:^com.example.Bank.transfer$");

        assertThat(Suppressions.read(write("var.txt", "race:int[][3]")).suppressing(ReportFixtures.arrayRace()))
                .as("a variable, identity left out").isEqualTo("race:int[][3]");
        assertThat(Suppressions.read(write("file.txt", "race:^Counter.java$")).suppressing(ReportFixtures.counterRace(1)))
                .as("a source file").isNotNull();
        assertThat(Suppressions.read(write("anchored.txt", "deadlock:^example.Bank")).suppressing(ReportFixtures.deadlock()))
                .as("^ anchors at the start").isNull();
        assertThat(Suppressions.read(write("deep.txt", "race:java.lang.Thread.run")).suppressing(ReportFixtures.counterRace(1)))
                .as("any frame of the stack").isEqualTo("race:java.lang.Thread.run");
        assertThat(Suppressions.read(write("other.txt", "race:com.example.Bank")).suppressing(ReportFixtures.counterRace(1)))
                .isNull();
    }

    @Test
    void aBadSuppressionLineIsAnErrorNamingFileAndLine() throws IOException {
        Path file = write("bad.txt", "race:ok", "thread:com.example.*");
        assertThatThrownBy(() -> Suppressions.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ":2: expected kind:pattern with kind one of race, deadlock, found 'thread:com.example.*'");
    }

    @Test
    void baselineKnowsItsFindingsWhateverTheirLinesAndReportsOnlyNewOnes() throws IOException {
        Path file = dir.resolve("sub/baseline.txt");
        Baseline.write(new Report(List.of(ReportFixtures.counterRace(1)), List.of(ReportFixtures.deadlock()), List.of(),
                ReportFixtures.RUN_SUMMARY), file);
        assertThat(Files.readAllLines(file)).filteredOn(l -> !l.startsWith("#")).containsExactly(
                "deadlock com.example.Bank.transfer > com.example.Bank.transfer | com.example.Bank.transfer > com.example.Counter.main",
                "race com.example.Counter.count com.example.Counter.inc com.example.Counter.inc");
        Baseline baseline = Baseline.read(file);

        // The same race after an edit moved it three lines down is still known.
        Site moved = new Site("com.example.Counter", "inc", "Counter.java", 15);
        RaceReport old = ReportFixtures.counterRace(1);
        RaceReport edited = new RaceReport(old.variable(),
                new Access("a", 1, "write", moved, List.of(moved), List.of(), null, List.of()),
                new Access("b", 2, "write", moved, List.of(moved), List.of(), null, List.of()), 1);
        Report now = new Report(List.of(edited, ReportFixtures.arrayRace()), List.of(ReportFixtures.deadlock()),
                List.of(ReportFixtures.contention()), ReportFixtures.RUN_SUMMARY);
        FilteredReport filtered = FilteredReport.of(now, Suppressions.none(), baseline);
        assertThat(filtered.known()).isEqualTo(2);
        assertThat(filtered.report().races()).containsExactly(ReportFixtures.arrayRace());
        assertThat(filtered.report().deadlocks()).isEmpty();
        assertThat(filtered.report().contention()).containsExactly(ReportFixtures.contention());
    }

    @Test
    void suppressionComesBeforeTheBaselineAndSaysWhichRuleTookWhat() throws IOException {
        Report now = new Report(List.of(ReportFixtures.counterRace(1), ReportFixtures.arrayRace()), List.of(), List.of(),
                ReportFixtures.RUN_SUMMARY);
        Path base = dir.resolve("b.txt");
        Baseline.write(now, base);
        FilteredReport filtered = FilteredReport.of(now, Suppressions.read(write("s.txt", "race:Counter.count")), Baseline.read(base));
        assertThat(filtered.suppressed()).containsExactly(
                "race:Counter.count: race com.example.Counter.count com.example.Counter.inc:12 com.example.Counter.inc:12");
        assertThat(filtered.known()).isEqualTo(1);
        assertThat(filtered.report().races()).isEmpty();
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
