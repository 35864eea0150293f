package programs;

/** Thread i reads and writes only element i of a shared array; main reads all after joining. No race. */
public final class ArrayDistinctElements {
    static final int THREADS = 4;
    static final int ROUNDS = 200;

    static void work(int[] array, int index) {
        for (int r = 0; r < ROUNDS; r++) {
            array[index] += index + 1;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int[] array = new int[THREADS];
        Thread[] threads = new Thread[THREADS];
        for (int i = 0; i < THREADS; i++) {
            int index = i;
            threads[i] = new Thread(() -> work(array, index), "element-" + i);
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        int sum = 0;
        for (int v : array) {
            sum += v;
        }
        System.out.println("sum=" + sum);
    }
}
