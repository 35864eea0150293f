package bench;

/**
 * A lock-nesting kernel for the deadlock analysis: threads move amounts between accounts under
 * both accounts' monitors, always taking the lower-numbered account first (so it never
 * deadlocks, and the lock-order graph has an edge per pair of accounts and thread), and
 * publish a volatile progress counter now and then. Prints a checksum.
 *
 * <p>Arguments: transfers per thread, threads, accounts.
 */
public final class LockOrder {

    static final class Account {
        long balance = 1_000;
    }

    static volatile long progress;

    public static void main(String[] args) throws InterruptedException {
        int transfers = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        Account[] accounts = new Account[count];
        for (int i = 0; i < count; i++) accounts[i] = new Account();
        Thread[] workers = new Thread[threads];
        for (int w = 0; w < threads; w++) {
            int seed = w + 1;
            workers[w] = new Thread(() -> {
                int x = seed * 0x9E3779B9;
                for (int i = 0; i < transfers; i++) {
                    x ^= x << 13;
                    x ^= x >>> 17;
                    x ^= x << 5;
                    int from = (x & 0x7fffffff) % count;
                    int to = ((x >>> 8) & 0x7fffffff) % count;
                    if (from == to) continue;
                    Account first = accounts[Math.min(from, to)];
                    Account second = accounts[Math.max(from, to)];
                    synchronized (first) {
                        synchronized (second) {
                            accounts[from].balance -= 1;
                            accounts[to].balance += 1;
                        }
                    }
                    if ((i & 1023) == 0) progress = i;
                }
            });
            workers[w].start();
        }
        for (Thread t : workers) t.join();
        long sum = 0;
        for (Account a : accounts) sum += a.balance;
        System.out.println("checksum " + sum);
    }
}
