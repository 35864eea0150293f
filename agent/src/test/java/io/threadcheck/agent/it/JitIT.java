package io.threadcheck.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import programs.JitMonitors;

/**
 * Instrumented code must stay compilable: a method the JIT refuses runs interpreted, which costs
 * an order of magnitude. HotSpot refuses a method whose monitors are not released on every
 * path, e.g. a call between MONITORENTER and the start of the handler that exits the monitor.
 */
class JitIT {

    private static final List<String> METHODS = List.of("plain", "looped", "nested", "throwing", "method");

    @Test
    void methodsWithSynchronizedBlocksAreCompiledByBothTiersUnderTheAgent() {
        for (String mode : List.of("race,deadlock,contention", "contention")) {
            AgentRun.Result run = AgentRun.of(JitMonitors.class)
                    .jvmArgs("-Xbatch", "-XX:+PrintCompilation")
                    .agentOptions("mode=" + mode)
                    .timeoutSeconds(240)
                    .run();
            String log = run.stdout();
            assertThat(log).as(run.describe()).contains("done");
            for (String method : METHODS) {
                String name = "programs.JitMonitors::" + method + " ";
                List<String> lines = log.lines().filter(l -> l.contains(name)).toList();
                assertThat(lines).as("mode=%s, compilations of %s%n%s", mode, method, run.describe())
                        .noneMatch(l -> l.contains("COMPILE SKIPPED") || l.contains("not compilable"))
                        .anyMatch(l -> l.matches("\\s*\\d+\\s+\\d+[\\s%sbn!]+4\\s+programs.*"));
            }
        }
    }
}
