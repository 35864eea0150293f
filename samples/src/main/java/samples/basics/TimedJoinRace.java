package samples.basics;

import samples.Verdict;

/**
 * The mistake: {@code join(millis)} returns when the time is up even if the worker is still
 * running, and main then reads the worker's result anyway. A timed join orders nothing
 * unless the thread has ended, so main's read of {@code result} and the worker's later write
 * race (and main prints a stale 0). See {@link TimedJoinFixed}.
 */
@Verdict(topics = 7, title = "mistake: reading the result after a timed-out join",
        races = @Verdict.Race(variable = "samples.basics.TimedJoinRace.result", marker = "result"))
public class TimedJoinRace {

    private static long result;

    public static void main(String[] args) throws InterruptedException {
        Thread worker = new Thread(() -> {
            sleep(600); // slow work: far longer than main's 50 ms timeout
            result = 42; // race:result
        }, "slow-worker");
        worker.start();
        worker.join(50);
        System.out.println("result after timed join: " + result); // race:result
        worker.join(); // let it finish so the program ends normally
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
