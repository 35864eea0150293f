package samples.pitfalls;

import samples.Verdict;

/**
 * The mistake: a background monitor loops on a plain {@code boolean running} that main clears
 * to stop it. Nothing orders main's write with the monitor's reads, so they race, and the JIT
 * may even hoist the read out of the loop so the monitor never stops. (Here the sleep in the
 * loop keeps it stopping in practice; the race is there either way.) See {@link RunningFlagVolatile}.
 */
@Verdict(topics = 29, title = "mistake: plain boolean stop flag",
        races = @Verdict.Race(variable = "samples.pitfalls.RunningFlagRace.running", marker = "running"))
public class RunningFlagRace {

    private static boolean running = true;

    public static void main(String[] args) throws InterruptedException {
        Thread monitor = new Thread(() -> {
            int checks = 0;
            while (running) { // race:running
                checks++;
                sleep(10);
            }
            System.out.println("monitor stopped after " + checks + " checks");
        }, "monitor");
        monitor.start();
        sleep(100);
        running = false; // race:running
        monitor.join();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
