package io.threadcheck.agent.it;

import static io.threadcheck.agent.it.RaceAssertions.assertReportBasics;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import programs.OutputAndExit;
import programs.RacyCounter;

/** The agent's options: bad ones are reported without harming the program; the real ones take effect. */
class AgentOptionsIT {

    @Test
    void unknownOptionPrintsOneLineErrorAndProgramStillRuns() {
        AgentRun.Result plain = AgentRun.of(OutputAndExit.class).withoutAgent().run();
        AgentRun.Result run = AgentRun.of(OutputAndExit.class).agentOptions("bogus=1").run();

        assertThat(run.exitCode()).as(run.describe()).isEqualTo(3).isEqualTo(plain.exitCode());
        assertThat(run.stdoutBytes()).as("stdout with a bad option\n%s", run.describe()).isEqualTo(plain.stdoutBytes());

        // The error comes from option parsing at agent start, before the program writes anything:
        // exactly one line, then the program's own stderr unchanged.
        String stderr = run.stderr();
        int newline = stderr.indexOf('\n');
        assertThat(newline).as("stderr has a first line\n%s", run.describe()).isPositive();
        String firstLine = stderr.substring(0, newline).stripTrailing();
        assertThat(firstLine).as("first stderr line\n%s", run.describe()).startsWith("threadcheck:").contains("bogus");
        byte[] rest = stderr.substring(newline + 1).getBytes(java.nio.charset.Charset.defaultCharset());
        byte[] plainErr = plain.stderrBytes();
        assertThat(rest.length).as(run.describe()).isGreaterThanOrEqualTo(plainErr.length);
        assertThat(Arrays.copyOf(rest, plainErr.length))
                .as("after the one error line comes the program's stderr\n--- with agent ---\n%s\n--- without ---\n%s",
                        run.stderr(), plain.stderr())
                .isEqualTo(plainErr);
    }

    @Test
    void defaultOutputDirectoryIsThreadcheckInWorkingDirectory() {
        AgentRun.Result run = AgentRun.of(RacyCounter.class).withoutOutOption().run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        // The harness reads the report from <working dir>/threadcheck here.
        RacyProgramsIT.assertCounterRaces(run);
        assertThat(run.textReport()).as(run.describe()).isRegularFile();
    }

    @Test
    void percentPInOutIsTheProcessIdSoForksWriteApart() throws Exception {
        AgentRun.Result first = AgentRun.of(RacyCounter.class).withoutOutOption().agentOptions("out=reports/jvm-%p").run();
        assertThat(first.exitCode()).as(first.describe()).isZero();
        List<Path> dirs;
        try (var list = Files.list(first.runDir().resolve("reports"))) {
            dirs = list.toList();
        }
        assertThat(dirs).as(first.describe()).hasSize(1);
        String name = dirs.get(0).getFileName().toString();
        assertThat(name).as(first.describe()).matches("jvm-[0-9]+");
        assertThat(Long.parseLong(name.substring(4))).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(dirs.get(0).resolve("threadcheck-report.json")).as(first.describe()).isRegularFile();
        AgentRun.Result literal = AgentRun.of(RacyCounter.class).withoutOutOption().agentOptions("out=100%%").run();
        assertThat(literal.runDir().resolve("100%").resolve("threadcheck-report.json")).as(literal.describe()).isRegularFile();
    }

    @Test
    void formatJsonWritesOnlyJson() {
        AgentRun.Result run = AgentRun.of(RacyCounter.class).agentOptions("format=json").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.jsonReport()).as(run.describe()).isRegularFile();
        assertThat(Files.exists(run.textReport())).as("no text report with format=json\n%s", run.describe()).isFalse();
        assertReportBasics(run.report(), run);
    }

    @Test
    void formatTextWritesOnlyText() {
        AgentRun.Result run = AgentRun.of(RacyCounter.class).agentOptions("format=text").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.textReport()).as(run.describe()).isRegularFile();
        assertThat(Files.exists(run.jsonReport())).as("no JSON report with format=text\n%s", run.describe()).isFalse();
        assertThat(run.textReportContent()).as("text report names the racy field").contains("programs.RacyCounter.count");
    }

    @Test
    void excludedClassIsNotChecked() {
        AgentRun.Result run = AgentRun.of(RacyCounter.class).agentOptions("exclude=programs.Racy*").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        Report report = run.report();
        assertReportBasics(report, run);
        assertThat(report.races()).as("races with the racy class excluded\n%s", report.prettyRaces()).isEmpty();
    }

    @Test
    void includeListWithSeveralPatterns() {
        // The second of two ':'-separated patterns selects the program: its race is found.
        AgentRun.Result included = AgentRun.of(RacyCounter.class)
                .agentOptions("include=programs.NoSuchClass*:programs.RacyCounter").run();
        RacyProgramsIT.assertCounterRaces(included);

        // No pattern matches: nothing is instrumented, so nothing is reported.
        AgentRun.Result notIncluded = AgentRun.of(RacyCounter.class)
                .agentOptions("include=programs.NoSuchClass*:programs.Other").run();
        assertThat(notIncluded.exitCode()).as(notIncluded.describe()).isZero();
        Report report = notIncluded.report();
        assertReportBasics(report, notIncluded);
        assertThat(report.races()).as("races with the racy class not included\n%s", report.prettyRaces()).isEmpty();
    }
}
