package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafeTest {
    private int hits;

    private synchronized void bump() {
        for (int i = 0; i < 1000; i++) {
            hits++;
        }
    }

    @Test
    void twoThreadsBumpAFieldUnderALock() throws InterruptedException {
        Thread a = new Thread(this::bump, "bumper-1");
        Thread b = new Thread(this::bump, "bumper-2");
        a.start();
        b.start();
        a.join();
        b.join();
        synchronized (this) {
            assertEquals(2000, hits);
        }
    }
}
