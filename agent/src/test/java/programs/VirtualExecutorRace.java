package programs;

import java.util.concurrent.ExecutorService;

/**
 * A virtual-thread-per-task executor's task still running when main reads its result: only
 * close() (after the read here) would order the task's end.
 */
public final class VirtualExecutorRace {
    private int result;

    void slowWrite() {
        TaskSupport.sleep(300);
        result = 42; // race:task-write
    }

    public static void main(String[] args) throws Exception {
        VirtualExecutorRace s = new VirtualExecutorRace();
        ExecutorService executor = VirtualSupport.perTaskExecutor();
        executor.execute(s::slowWrite);
        TaskSupport.sleep(600);
        int seen = s.result; // race:task-read
        VirtualSupport.close(executor);
        System.out.println("seen=" + seen);
    }
}
