package samples.basics;

import samples.Verdict;

/**
 * A daemon thread does not keep the JVM alive: when main (the last non-daemon thread) ends,
 * the program exits with the heartbeat still looping. The heartbeat touches only its own
 * local state, so there is nothing to race on.
 */
@Verdict(topics = 6, title = "setDaemon(true): the program exits without waiting")
public class DaemonThread {

    public static void main(String[] args) throws InterruptedException {
        Thread heartbeat = new Thread(() -> {
            for (int beat = 1; ; beat++) {
                System.out.println("heartbeat " + beat);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heartbeat");
        heartbeat.setDaemon(true); // must be set before start()
        heartbeat.start();
        Thread.sleep(200);
        System.out.println("main done; the daemon dies with the JVM");
    }
}
