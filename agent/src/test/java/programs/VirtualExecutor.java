package programs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * newVirtualThreadPerTaskExecutor: submit + get, invokeAll, and execute whose tasks main reads
 * only after close(), which waits for every task to end.
 */
public final class VirtualExecutor {
    private int input;
    private int a;
    private final int[] all = new int[3];
    private final int[] out = new int[4];

    public static void main(String[] args) throws Exception {
        VirtualExecutor s = new VirtualExecutor();
        ExecutorService executor = VirtualSupport.perTaskExecutor();
        s.input = 3;
        Future<Integer> submitted = executor.submit(() -> s.a = s.input + 1);
        int fromGet = submitted.get();
        int a = s.a;
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int k = i;
            tasks.add(() -> s.all[k] = s.input * 10 + k);
        }
        executor.invokeAll(tasks);
        int all = s.all[0] + s.all[1] + s.all[2];
        for (int i = 0; i < 4; i++) {
            int k = i;
            executor.execute(() -> {
                TaskSupport.sleep(20);
                s.out[k] = s.input + k;
            });
        }
        VirtualSupport.close(executor);
        int out = s.out[0] + s.out[1] + s.out[2] + s.out[3];
        System.out.println("get=" + fromGet + "," + a + " all=" + all + " out=" + out);
    }
}
