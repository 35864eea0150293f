package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ArgLineTest {
    @Test
    void theProjectsArgLineIsKeptAndTheAgentIsThere() {
        assertEquals("kept", System.getProperty("it.marker"), "the project's own argLine was lost");
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .anyMatch(a -> a.startsWith("-javaagent:") && a.contains("threadcheck-agent")),
                "no threadcheck agent among " + ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
