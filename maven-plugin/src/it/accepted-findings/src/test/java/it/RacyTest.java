package it;

import org.junit.jupiter.api.Test;

class RacyTest {
    private int hits;

    private void bump() {
        for (int i = 0; i < 1000; i++) {
            hits++; // the race
        }
    }

    @Test
    void twoThreadsBumpAField() throws InterruptedException {
        Thread a = new Thread(this::bump, "bumper-1");
        Thread b = new Thread(this::bump, "bumper-2");
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
