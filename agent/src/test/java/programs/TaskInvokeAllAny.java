package programs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * invokeAll returns once every task completed, invokeAny once one did: main reads the fields
 * all tasks (invokeAll) or the winning task (invokeAny) wrote, without calling get.
 */
public final class TaskInvokeAllAny {
    private int input;
    private final int[] all = new int[3];
    private final int[] any = new int[2];

    public static void main(String[] args) throws Exception {
        TaskInvokeAllAny s = new TaskInvokeAllAny();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                TaskSupport.named("invoke"));
        pool.prestartAllCoreThreads();
        s.input = 7;

        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int k = i;
            tasks.add(() -> s.all[k] = s.input + k);
        }
        List<Future<Integer>> futures = pool.invokeAll(tasks);
        int direct = s.all[0] + s.all[1] + s.all[2];
        int viaFutures = 0;
        for (Future<Integer> f : futures) viaFutures += f.get();

        List<Callable<Integer>> either = List.of(() -> s.any[0] = s.input * 2, () -> s.any[1] = s.input * 3);
        int winner = pool.invokeAny(either);
        int winnerField = winner == 14 ? s.any[0] : s.any[1];

        pool.shutdown();
        System.out.println("all=" + direct + "," + viaFutures + " any-matches=" + (winnerField == winner));
    }
}
