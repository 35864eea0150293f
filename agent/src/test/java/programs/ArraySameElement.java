package programs;

/** Two threads write the same array element once each, through one method: one write/write race. */
public final class ArraySameElement {

    static void writeFirst(int[] array, int value) {
        array[0] = value; // race:array-write
    }

    public static void main(String[] args) throws InterruptedException {
        int[] array = new int[4];
        Thread one = new Thread(() -> writeFirst(array, 1), "array-writer-1");
        Thread two = new Thread(() -> writeFirst(array, 2), "array-writer-2");
        one.start(); // start:array-writer-1
        two.start(); // start:array-writer-2
        one.join();
        two.join();
        System.out.println("array[0] set: " + (array[0] != 0));
    }
}
