package programs;

/** The bank transfer classic: transfer(a, b) and transfer(b, a) lock the accounts in argument order. */
public class DeadlockTransfer {

    static final class Account {
        long balance = 100;
    }

    public static void main(String[] args) throws InterruptedException {
        Account a = new Account();
        Account b = new Account();
        Thread t1 = new Thread(() -> transfer(a, b, 10), "teller-1");
        Thread t2 = new Thread(() -> {
            Pause.millis(200);
            transfer(b, a, 20);
        }, "teller-2");
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        synchronized (a) {
            synchronized (b) {
                System.out.println(a.balance + b.balance);
            }
        }
    }

    static void transfer(Account from, Account to, long amount) {
        synchronized (from) { // held:transfer
            synchronized (to) { // take:transfer
                from.balance -= amount;
                to.balance += amount;
            }
        }
    }
}
