package programs;

import java.util.concurrent.Exchanger;

/** The giver keeps writing the buffer it has given away; the receiver reads it. */
public final class SyncExchangerRace {
    static final class Buffer {
        int size;
    }

    private final Exchanger<Buffer> exchanger = new Exchanger<>();
    private int seen;

    void give() {
        Buffer mine = new Buffer();
        mine.size = 1;
        try {
            exchanger.exchange(mine);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        mine.size = 2; // race:write-after-giving
    }

    void take() {
        try {
            Buffer got = exchanger.exchange(null);
            seen = got.size; // race:read-received
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        SyncExchangerRace race = new SyncExchangerRace();
        Thread giver = new Thread(race::give, "giver");
        Thread taker = new Thread(race::take, "taker");
        giver.start(); // start:giver
        taker.start(); // start:taker
        giver.join();
        taker.join();
        System.out.println("exchanged");
    }
}
