package bench;

/**
 * CPU-heavy multithreaded kernel after the Java Grande Forum's threaded SOR: red-black
 * successive over-relaxation on a grid, rows split among threads. Each sweep starts fresh
 * threads and joins them, so every sweep is ordered by start/join alone and the run is
 * race-free. Prints a checksum, identical with and without the agent.
 *
 * <p>Usage: {@code bench.Sor [size] [iterations] [threads]}
 */
public final class Sor {

    private final double[][] grid;
    private final double omega = 1.25;

    Sor(int n) {
        grid = new double[n][n];
        long seed = 42;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                grid[i][j] = (seed >>> 11) * 0x1.0p-53;
            }
        }
    }

    void sweep(int colour, int firstRow, int lastRow) {
        int n = grid.length;
        for (int i = Math.max(1, firstRow); i < Math.min(n - 1, lastRow); i++) {
            double[] up = grid[i - 1];
            double[] row = grid[i];
            double[] down = grid[i + 1];
            for (int j = 1 + ((i + colour) & 1); j < n - 1; j += 2) {
                row[j] = omega * 0.25 * (up[j] + down[j] + row[j - 1] + row[j + 1]) + (1 - omega) * row[j];
            }
        }
    }

    double checksum() {
        double sum = 0;
        for (double[] row : grid) {
            for (double v : row) sum += v;
        }
        return sum;
    }

    public static void main(String[] args) throws InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int threadCount = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Sor sor = new Sor(n);
        long start = System.nanoTime();
        for (int it = 0; it < iterations; it++) {
            for (int colour = 0; colour < 2; colour++) {
                Thread[] threads = new Thread[threadCount];
                int rowsEach = (n + threadCount - 1) / threadCount;
                for (int t = 0; t < threadCount; t++) {
                    int first = t * rowsEach;
                    int last = first + rowsEach;
                    int c = colour;
                    threads[t] = new Thread(() -> sor.sweep(c, first, last), "sor-" + t);
                    threads[t].start();
                }
                for (Thread t : threads) t.join();
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("checksum %.6f%n", sor.checksum());
        System.err.println("kernel time ms " + millis);
    }
}
