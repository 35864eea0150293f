package it;

final class Shared {
    private static int hits;

    private static void bump() {
        for (int i = 0; i < 1000; i++) {
            hits++; // the race, in both test JVMs
        }
    }

    static void race() throws InterruptedException {
        Thread a = new Thread(Shared::bump, "bumper-1");
        Thread b = new Thread(Shared::bump, "bumper-2");
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
