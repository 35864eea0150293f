package programs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * CompletableFuture stages, async or not, on a pool and on the default async executor: each
 * stage reads what earlier stages wrote, main reads every stage's writes after join/get, a
 * future completed by a plain thread, exceptionally, allOf, thenCompose, and a function run by
 * the completing thread that reads what main wrote before passing it.
 */
public final class TaskCompletableFuture {
    private int input;
    private int a;
    private int b;
    private int c;
    private int d;
    private int e;
    private int f;
    private int g;
    private int h;
    private int i;
    private int j;
    private final int[] many = new int[3];

    public static void main(String[] args) throws Exception {
        TaskCompletableFuture s = new TaskCompletableFuture();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                TaskSupport.named("cf"));
        pool.prestartAllCoreThreads();
        CompletableFuture.runAsync(() -> { }).join();   // the default async executor is running too
        s.input = 10;

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> s.a = s.input + 1, pool);
        CompletableFuture<Integer> b = a.thenApplyAsync(x -> s.b = x + s.a, pool);
        CompletableFuture<Integer> c = CompletableFuture.supplyAsync(() -> s.c = s.input + 3);
        CompletableFuture<Integer> d = b.thenCombine(c, (x, y) -> s.d = x + y + s.c);
        CompletableFuture<Void> e = d.thenAcceptAsync(v -> s.e = v + s.d, pool);
        e.join();
        int chain = s.a + s.b + s.c + s.d + s.e;

        CompletableFuture.runAsync(() -> s.f = s.input + 6, pool).get();
        int f = s.f;

        // Completed by a thread nobody joins.
        CompletableFuture<Integer> manual = new CompletableFuture<>();
        new Thread(() -> {
            s.g = 7;
            manual.complete(s.g);
        }, "completer").start();
        int g = manual.join() + s.g;

        CompletableFuture<Integer> failing = CompletableFuture.supplyAsync(() -> {
            s.h = 8;
            throw new IllegalStateException("expected");
        }, pool);
        int recovered = failing.exceptionally(ex -> s.h + 1).join();

        CompletableFuture<?>[] all = new CompletableFuture<?>[3];
        for (int k = 0; k < 3; k++) {
            int slot = k;
            all[k] = CompletableFuture.runAsync(() -> s.many[slot] = s.input + slot, pool);
        }
        CompletableFuture.allOf(all).join();
        int many = s.many[0] + s.many[1] + s.many[2];

        int composed = a.thenCompose(x -> CompletableFuture.supplyAsync(() -> s.i = x + 1, pool)).join();
        int i = s.i;

        // The completing thread, started before main writes j, runs the function main passes after.
        CompletableFuture<Integer> gate = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            TaskSupport.sleep(100);
            gate.complete(1);
        }, "opener");
        opener.start();
        s.j = 5;
        CompletableFuture<Integer> dependent = gate.thenApply(x -> x + s.j);
        int j = dependent.get(1, TimeUnit.MINUTES);

        pool.shutdown();
        System.out.println("chain=" + chain + " f=" + f + " g=" + g + " recovered=" + recovered + " many=" + many
                + " composed=" + composed + "," + i + " j=" + j);
    }
}
