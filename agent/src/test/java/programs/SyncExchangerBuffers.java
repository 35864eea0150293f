package programs;

import java.util.concurrent.Exchanger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Two buffers swapped through an Exchanger: the filler fills one while the emptier drains the
 * other, then they exchange (plain and timed). Each touches a buffer only while it has it.
 */
public final class SyncExchangerBuffers {
    static final int ROUNDS = 100;

    static final class Buffer {
        final int[] data = new int[8];
        int size;
    }

    private final Exchanger<Buffer> exchanger = new Exchanger<>();
    private long drained;

    void fill() {
        Buffer b = new Buffer();
        try {
            for (int r = 1; r <= ROUNDS; r++) {
                for (int i = 0; i < b.data.length; i++) b.data[i] = r;
                b.size = b.data.length;
                b = r % 2 == 0 ? exchanger.exchange(b) : exchanger.exchange(b, 30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    void drain() {
        Buffer b = new Buffer();
        try {
            for (int r = 1; r <= ROUNDS; r++) {
                b = exchanger.exchange(b);
                for (int i = 0; i < b.size; i++) drained += b.data[i];
                b.size = 0;
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        SyncExchangerBuffers x = new SyncExchangerBuffers();
        Thread filler = new Thread(x::fill, "filler");
        Thread drainer = new Thread(x::drain, "drainer");
        filler.start();
        drainer.start();
        filler.join();
        drainer.join();
        System.out.println("drained=" + x.drained);
    }
}
