package samples.pitfalls;

import samples.Verdict;

/**
 * The fix for {@link BankUnguarded}: the check and the act happen under one lock, so they are
 * one atomic step. Exactly one teller gets the money.
 */
@Verdict(topics = 27, title = "fix: check-then-act under one lock")
public class BankGuarded {

    private int balance = 100;

    synchronized boolean withdraw(int amount) {
        if (balance >= amount) {
            BankUnguarded.pause(50);
            balance -= amount;
            return true;
        }
        return false;
    }

    synchronized int balance() {
        return balance;
    }

    public static void main(String[] args) throws InterruptedException {
        BankGuarded account = new BankGuarded();
        Thread a = new Thread(() -> System.out.println("teller-1 got 80: " + account.withdraw(80)), "teller-1");
        Thread b = new Thread(() -> System.out.println("teller-2 got 80: " + account.withdraw(80)), "teller-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("balance = " + account.balance() + " (20)");
    }
}
