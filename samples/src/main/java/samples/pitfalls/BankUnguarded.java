package samples.pitfalls;

import samples.Verdict;

/**
 * The mistake: check-then-act on a balance without a lock. Both tellers see enough money, both
 * withdraw, and the account is overdrawn. The sleep between check and act stands for real work
 * (a fraud check) and makes both checks come before either withdrawal, so the same races are
 * reported every run: the check (a read) against the other thread's withdrawal (a write), and
 * the two withdrawals ({@code balance -= amount}: read and write) against each other.
 * See {@link BankGuarded}.
 */
@Verdict(topics = 27, title = "mistake: unguarded check-then-act withdraw",
        races = {
            @Verdict.Race(variable = "samples.pitfalls.BankUnguarded.balance", marker = "check-vs-withdraw"),
            @Verdict.Race(variable = "samples.pitfalls.BankUnguarded.balance", marker = "withdraw")
        })
public class BankUnguarded {

    private int balance = 100;

    boolean withdraw(int amount) {
        if (balance >= amount) { // race:check-vs-withdraw
            pause(100);
            balance -= amount; // race:check-vs-withdraw race:withdraw
            return true;
        }
        return false;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        BankUnguarded account = new BankUnguarded();
        Thread a = new Thread(() -> System.out.println("teller-1 got 80: " + account.withdraw(80)), "teller-1");
        Thread b = new Thread(() -> System.out.println("teller-2 got 80: " + account.withdraw(80)), "teller-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("balance = " + account.balance + " (overdrawn!)");
    }
}
