package samples.pitfalls;

import samples.Verdict;

/**
 * The fix for {@link RunningFlagRace}: a {@code volatile} flag. Each read sees the latest
 * write, and the write happens-before the read that sees it: clean.
 */
@Verdict(topics = 29, title = "fix: volatile stop flag")
public class RunningFlagVolatile {

    private static volatile boolean running = true;

    public static void main(String[] args) throws InterruptedException {
        Thread monitor = new Thread(() -> {
            int checks = 0;
            while (running) {
                checks++;
                RunningFlagRace.sleep(10);
            }
            System.out.println("monitor stopped after " + checks + " checks");
        }, "monitor");
        monitor.start();
        RunningFlagRace.sleep(100);
        running = false;
        monitor.join();
    }
}
