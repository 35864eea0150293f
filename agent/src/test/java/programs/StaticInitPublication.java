package programs;

/**
 * Two threads use a class whose static initialiser writes its fields; whichever thread runs the
 * initialiser, the other waits for it, so the initialiser's writes happen-before both readers.
 */
public final class StaticInitPublication {

    static final class Config {
        static int limit;
        static final int[] TABLE;

        static {
            limit = 10;
            TABLE = new int[] {1, 2, 3};
            TABLE[1] = 20;
        }

        private Config() {
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int[] results = new int[2];
        Thread a = new Thread(() -> results[0] = Config.limit + Config.TABLE[1], "init-reader-1");
        Thread b = new Thread(() -> results[1] = Config.TABLE[2] + Config.limit, "init-reader-2");
        a.start();
        b.start();
        a.join();
        b.join();
        System.out.println("results=" + results[0] + "," + results[1]);
    }
}
