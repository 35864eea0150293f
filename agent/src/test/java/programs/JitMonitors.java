package programs;

/**
 * Hot methods with synchronized blocks: a plain block, a block that starts with a loop (its
 * first instruction is a jump target), nested blocks, a block left by an exception and a synchronized method. Run
 * with -Xbatch -XX:+PrintCompilation, the JIT must compile every one of them under the agent.
 */
public final class JitMonitors {

    private final Object lock = new Object();
    private final Object inner = new Object();
    private long total;

    long plain(int i) {
        synchronized (lock) {
            total += i;
            return total;
        }
    }

    long looped(int n) {
        synchronized (lock) {
            while (n > 0) {
                total += n;
                n -= 3;
            }
            return total;
        }
    }

    long nested(int i) {
        synchronized (lock) {
            synchronized (inner) {
                total ^= i;
            }
            return total;
        }
    }

    long throwing(int i) {
        try {
            synchronized (lock) {
                if ((i & 1023) == 0) throw new IllegalStateException("odd");
                total -= i;
            }
        } catch (IllegalStateException e) {
            total++;
        }
        return total;
    }

    synchronized long method(int i) {
        total += i & 7;
        return total;
    }

    public static void main(String[] args) {
        JitMonitors m = new JitMonitors();
        long sum = 0;
        for (int i = 0; i < 200_000; i++) {
            sum += m.plain(i) + m.looped(i & 15) + m.nested(i) + m.throwing(i) + m.method(i);
        }
        System.out.println(sum != 0 ? "done" : "zero");
    }
}
