package io.threadcheck.agent.it;

import static io.threadcheck.agent.it.RaceAssertions.assertCleanRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import programs.OutputAndExit;

/** The agent leaves the program's stdout and exit code alone and only appends its report to stderr. */
class OutputAndExitIT {

    static final String EXPECTED_STDOUT_START = String.join("\n",
            "output-and-exit: start",
            "output-and-exit: hello from printer",
            "square[0]=0",
            "square[1]=1",
            "square[2]=4",
            "square[3]=9",
            "unicode: gr");

    @ParameterizedTest(name = "{0} -> exit {1}")
    @CsvSource({"exit, 3", "throw, 1"})
    void sameOutputAndExitCodeWithAndWithoutAgent(String mode, int expectedExit) {
        AgentRun.Result plain = AgentRun.of(OutputAndExit.class).args(mode).withoutAgent().run();
        AgentRun.Result checked = AgentRun.of(OutputAndExit.class).args(mode).run();

        // The program itself behaves as designed.
        assertThat(plain.exitCode()).as(plain.describe()).isEqualTo(expectedExit);
        assertThat(plain.stdout()).as(plain.describe()).startsWith(EXPECTED_STDOUT_START.replace("\n", System.lineSeparator()));
        assertThat(plain.stderr()).as(plain.describe()).contains("output-and-exit: stderr line 1",
                "output-and-exit: stderr from printer", "output-and-exit: stderr line 2");
        if (mode.equals("throw")) {
            assertThat(plain.stderr()).as(plain.describe())
                    .contains("Exception in thread \"main\" java.lang.IllegalStateException: output-and-exit: deliberate failure");
        }

        // With the agent: same stdout bytes, same exit code.
        assertThat(checked.exitCode()).as("exit code with agent\n%s", checked.describe()).isEqualTo(plain.exitCode());
        assertThat(checked.stdoutBytes()).as("stdout with agent\n%s\n--- without agent ---\n%s",
                checked.describe(), plain.describe()).isEqualTo(plain.stdoutBytes());

        // stderr: the program's own stderr comes first, unchanged; the agent appends its text report.
        byte[] plainErr = plain.stderrBytes();
        byte[] checkedErr = checked.stderrBytes();
        assertThat(checkedErr.length).as("stderr with agent must be longer (report appended)\n%s", checked.describe())
                .isGreaterThan(plainErr.length);
        assertThat(Arrays.copyOf(checkedErr, plainErr.length))
                .as("stderr without agent must be a prefix of stderr with agent\n--- with agent ---\n%s\n--- without ---\n%s",
                        checked.stderr(), plain.stderr())
                .isEqualTo(plainErr);
        String appended = new String(checkedErr, plainErr.length, checkedErr.length - plainErr.length,
                java.nio.charset.Charset.defaultCharset());
        String textReport = checked.textReportContent().strip();
        assertThat(textReport).as("text report file").isNotEmpty();
        assertThat(appended).as("the text report is what the agent appends to stderr").contains(textReport);

        // The report is written on both exit paths, and the program is race-free.
        assertCleanRun(checked.report(), checked, 6);
    }
}
