package programs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A producer hands filled-in items to a consumer through a blocking queue, inserting them with
 * a method reference ({@code items.forEach(queue::add)}). The insert must publish each item's
 * fields as a direct {@code queue.add(item)} would: no race.
 */
public final class MethodRefHandoff {
    static final int ITEMS = 20;

    static final class Item {
        int value;
        String label;
    }

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
        Thread producer = new Thread(() -> {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                Item item = new Item();
                item.value = i;
                item.label = "item-" + i;
                items.add(item);
            }
            items.forEach(queue::add);
        }, "producer");
        int[] sum = new int[1];
        Thread consumer = new Thread(() -> {
            try {
                for (int i = 0; i < ITEMS; i++) {
                    Item item = queue.take();
                    sum[0] += item.value + item.label.length();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, "consumer");
        consumer.start();
        producer.start();
        producer.join();
        consumer.join();
        System.out.println("sum=" + sum[0]);
    }
}
