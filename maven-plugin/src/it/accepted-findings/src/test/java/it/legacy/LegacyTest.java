package it.legacy;

import org.junit.jupiter.api.Test;

class LegacyTest {
    private int visits;

    private void visit() {
        for (int i = 0; i < 1000; i++) {
            visits++; // a race in legacy code, suppressed
        }
    }

    @Test
    void twoThreadsVisit() throws InterruptedException {
        Thread a = new Thread(this::visit, "visitor-1");
        Thread b = new Thread(this::visit, "visitor-2");
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
