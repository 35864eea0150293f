package programs;

import programs.CollChannels.Channel;
import programs.CollChannels.Item;

/**
 * The hand-off of {@link CollHandoff} with one producer and one consumer, but the producer
 * writes {@code late} after sending the item: the collection orders only what came before the
 * insertion, so that write races with the consumer's read; the other fields do not race.
 * The producer paces its items (a sleep, no ordering) so that a priority queue's take rarely
 * compares the item with a later one, which would acquire what the producer did before that one.
 */
public final class CollHandoffLateWrite {
    static final int ITEMS = 10;
    static final long PACE_MILLIS = 20;

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        Channel channel = CollChannels.of(kind, 1, ITEMS, 1);
        long[] sum = new long[1];
        Thread producer = new Thread(() -> produce(channel), "producer");
        Thread consumer = new Thread(() -> consume(channel, sum), "consumer");
        consumer.start(); // start:consumer
        producer.start(); // start:producer
        producer.join();
        channel.close();
        consumer.join();
        System.out.println("kind=" + kind + " sum=" + sum[0]);
    }

    static void produce(Channel channel) {
        try {
            for (int i = 0; i < ITEMS; i++) {
                Item item = new Item(i);
                item.a = i;
                item.readyAt = System.nanoTime() - 1;
                Item sent = channel.send(item);
                sent.late = 1; // race:late-write
                Thread.sleep(PACE_MILLIS);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void consume(Channel channel, long[] sum) {
        long total = 0;
        try {
            for (Item item = channel.receive(0); item != null; item = channel.receive(0)) {
                total += item.a;
                int late = item.late; // race:late-read
                if (late > 1) total = -1;
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        sum[0] = total;
    }
}
