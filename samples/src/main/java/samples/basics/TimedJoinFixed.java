package samples.basics;

import samples.Verdict;

/**
 * The fix for {@link TimedJoinRace}: after a timed join, check {@code isAlive()}; only a thread
 * that has ended has published its result. Here main reports that the worker is still busy and
 * then waits for it before reading.
 */
@Verdict(topics = 7, title = "fix: check isAlive() after a timed join before reading")
public class TimedJoinFixed {

    private static long result;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> {
            TimedJoinRace.sleep(300);
            result = 42;
        }, "slow-worker");
        worker.start();
        worker.join(50);
        if (worker.isAlive()) {
            System.out.println("still running after 50 ms; waiting for it");
            worker.join(); // a full join orders the worker's write before our read
        }
        System.out.println("result: " + result);
    }
}
