package it;

import org.junit.jupiter.api.Test;

class SecondRacyTest {
    private int second;

    private void bump() {
        for (int i = 0; i < 1000; i++) {
            second++; // the race
        }
    }

    @Test
    void twoThreadsBumpAField() throws InterruptedException {
        Thread a = new Thread(this::bump, "second-1");
        Thread b = new Thread(this::bump, "second-2");
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
