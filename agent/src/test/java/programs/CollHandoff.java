package programs;

import programs.CollChannels.Channel;
import programs.CollChannels.Item;

/**
 * Two producers fill plain items and pass them through one collection (the kind is the
 * argument) to two consumers, which read and overwrite them: every field is written before the
 * item goes in, so the collection's hand-off orders every access. With a second argument
 * "virtual" the four threads are virtual threads (JDK 21+, made reflectively: this program is
 * compiled for 17).
 */
public final class CollHandoff {
    static final int PER_PRODUCER = 50;

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        boolean virtual = args.length > 1 && args[1].equals("virtual");
        Channel channel = CollChannels.of(kind, 2, PER_PRODUCER, 2);
        long[] sums = new long[2];
        int[] counts = new int[2];
        Thread[] producers = new Thread[2];
        Thread[] consumers = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int p = i;
            producers[i] = newThread(virtual, () -> produce(channel, p), "producer-" + i);
            consumers[i] = newThread(virtual, () -> consume(channel, p, sums, counts), "consumer-" + i);
        }
        for (int i = 0; i < 2; i++) {
            consumers[i].start();
            producers[i].start();
        }
        for (Thread t : producers) t.join();
        channel.close();
        for (Thread t : consumers) t.join();
        System.out.println("kind=" + kind + " received=" + (counts[0] + counts[1]) + " sum=" + (sums[0] + sums[1]));
    }

    /** A platform thread, or an unstarted virtual one through Thread.ofVirtual() (found reflectively). */
    static Thread newThread(boolean virtual, Runnable task, String name) throws ReflectiveOperationException {
        if (!virtual) return new Thread(task, name);
        Class<?> builderType = Class.forName("java.lang.Thread$Builder");
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        builder = builderType.getMethod("name", String.class).invoke(builder, name);
        return (Thread) builderType.getMethod("unstarted", Runnable.class).invoke(builder, task);
    }

    static void produce(Channel channel, int p) {
        try {
            for (int i = 0; i < PER_PRODUCER; i++) {
                Item item = new Item(p * PER_PRODUCER + i);
                item.a = item.id;
                item.b = 2 * item.id;
                item.readyAt = System.nanoTime() - 1;
                channel.send(item);
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void consume(Channel channel, int c, long[] sums, int[] counts) {
        long sum = 0;
        int n = 0;
        try {
            for (Item item = channel.receive(c); item != null; item = channel.receive(c)) {
                sum += item.a + item.b;
                item.a = -1; // the consumer's own write, after the producer's
                n++;
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        sums[c] = sum;
        counts[c] = n;
    }
}
