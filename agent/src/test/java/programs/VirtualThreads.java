package programs;

/**
 * Virtual threads (JDK 21+) as threads of their own: Thread.ofVirtual().start and
 * Thread.startVirtualThread are ordered by start and join (also a timed join that returns with
 * the thread ended); two virtual threads update a counter under a monitor around a sleep and
 * wait inside it (pinning their carrier on JDK 21, not on 24+), which must neither crash nor
 * order them wrongly.
 */
public final class VirtualThreads {
    private int input;
    private int a;
    private int b;
    private int counter;
    private final Object lock = new Object();

    void monitorWork() {
        try {
            for (int i = 0; i < 3; i++) {
                synchronized (lock) {
                    counter++;
                    Thread.sleep(5);
                }
            }
            synchronized (lock) {
                lock.wait(1);
                counter++;
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        VirtualThreads s = new VirtualThreads();
        s.input = 5;
        Thread named = VirtualSupport.start("vt-a", () -> s.a = s.input + 1);
        named.join();
        int a = s.a;
        Thread unnamed = VirtualSupport.startUnnamed(() -> s.b = s.a + 1);
        unnamed.join(60_000);
        int b = s.b;

        Thread first = VirtualSupport.start("vt-monitor-1", s::monitorWork);
        Thread second = VirtualSupport.start("vt-monitor-2", s::monitorWork);
        first.join();
        second.join();
        int counter = s.counter;
        System.out.println("a=" + a + " b=" + b + " counter=" + counter + " virtual="
                + (VirtualSupport.isVirtual(named) && VirtualSupport.isVirtual(unnamed)));
    }
}
