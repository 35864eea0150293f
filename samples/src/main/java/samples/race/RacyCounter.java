package samples.race;

import samples.Verdict;

/**
 * The classic data race: two threads increment a shared counter without synchronisation.
 * {@code count++} is a read and a write; with no happens-before between the threads, both
 * pairs of accesses race, and updates are lost.
 *
 * <p>threadcheck reports the race on {@code samples.race.RacyCounter.count} at the
 * {@code count++} line, whatever the timing: the accesses are unordered, which is all a
 * happens-before checker needs to see.
 */
@Verdict(topics = 9, title = "count++ from two threads, no lock",
        races = @Verdict.Race(variable = "samples.race.RacyCounter.count", marker = "count"))
public class RacyCounter {

    private int count;

    void increment() {
        count++; // race:count
    }

    public static void main(String[] args) throws InterruptedException {
        RacyCounter counter = new RacyCounter();
        Runnable work = () -> {
            for (int i = 0; i < 10_000; i++) {
                counter.increment();
            }
        };
        Thread a = new Thread(work, "worker-1");
        Thread b = new Thread(work, "worker-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("count = " + counter.count + " (expected 20000)");
    }
}
