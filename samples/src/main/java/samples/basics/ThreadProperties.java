package samples.basics;

import java.util.concurrent.CountDownLatch;
import samples.Verdict;

/**
 * A thread's properties: name, id, whether it is alive, and the current thread.
 * {@code getId()} is used (deprecated in 19 for {@code threadId()}) so the sample compiles
 * for Java 17. The latch keeps the worker alive while main looks at it, and orders nothing
 * shared: the sample only reads thread properties, so it is clean.
 */
@Verdict(topics = 5, title = "getName, getId, isAlive, Thread.currentThread()")
public class ThreadProperties {

    @SuppressWarnings("deprecation")
    public static void main(String[] args) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            Thread me = Thread.currentThread();
            System.out.println("inside: " + me.getName() + " id " + me.getId());
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "props-worker");
        System.out.println("before start, alive = " + worker.isAlive());
        worker.start();
        System.out.println("running, alive = " + worker.isAlive() + ", main is " + Thread.currentThread().getName());
        release.countDown();
        worker.join();
        System.out.println("after join, alive = " + worker.isAlive());
    }
}
