package it;

import org.junit.jupiter.api.Test;

class FirstRacyTest {
    private int first;

    private void bump() {
        for (int i = 0; i < 1000; i++) {
            first++; // the race
        }
    }

    @Test
    void twoThreadsBumpAField() throws InterruptedException {
        Thread a = new Thread(this::bump, "first-1");
        Thread b = new Thread(this::bump, "first-2");
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
