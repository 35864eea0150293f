package it;

import org.junit.jupiter.api.Test;

class RacyIT {
    private int third;

    private void bump() {
        for (int i = 0; i < 1000; i++) {
            third++; // the race
        }
    }

    @Test
    void twoThreadsBumpAField() throws InterruptedException {
        Thread a = new Thread(this::bump, "third-1");
        Thread b = new Thread(this::bump, "third-2");
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
