package programs;

/** main writes, starts a worker that reads and writes, joins it, then reads: ordered by start/join. */
public final class StartJoinOrdering {
    private int data;
    private final int[] cells = new int[8];

    public static void main(String[] args) throws InterruptedException {
        StartJoinOrdering shared = new StartJoinOrdering();
        shared.data = 1;
        shared.cells[3] = 3;
        Thread worker = new Thread(() -> {
            shared.data = shared.data + 10;
            shared.cells[3] = shared.cells[3] * 2;
            shared.cells[5] = 5;
        }, "worker");
        worker.start();
        worker.join();
        shared.data = shared.data + 100;
        System.out.println("data=" + shared.data + " cells=" + shared.cells[3] + "," + shared.cells[5]);
    }
}
