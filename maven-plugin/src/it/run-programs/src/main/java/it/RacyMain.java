package it;

public class RacyMain {
    static int hits;

    public static void main(String[] args) throws InterruptedException {
        Runnable bump = () -> {
            for (int i = 0; i < 1000; i++) {
                hits++; // the race
            }
        };
        Thread a = new Thread(bump, "bumper-1");
        Thread b = new Thread(bump, "bumper-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("done");
    }
}
