package it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class BothAgentsTest {
    @Test
    void jacocoAndThreadcheckAgentsBothRun() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertTrue(args.stream().anyMatch(a -> a.startsWith("-javaagent:") && a.contains("org.jacoco.agent")),
                "no JaCoCo agent among " + args);
        assertTrue(args.stream().anyMatch(a -> a.startsWith("-javaagent:") && a.contains("threadcheck-agent")),
                "no threadcheck agent among " + args);
    }
}
