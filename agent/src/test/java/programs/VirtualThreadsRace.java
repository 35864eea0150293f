package programs;

/**
 * Virtual threads without the edges: main reads a virtual thread's result after a timed join
 * that returned with the thread still running, and main writes a field after starting an
 * unnamed virtual thread that reads it later.
 */
public final class VirtualThreadsRace {
    private int result;
    private int config;
    private int configSeen;

    void slowWrite() {
        TaskSupport.sleep(400);
        result = 42; // race:vt-result-write
    }

    void lateRead() {
        TaskSupport.sleep(300);
        configSeen = config; // race:vt-config-read
    }

    public static void main(String[] args) throws Exception {
        VirtualThreadsRace s = new VirtualThreadsRace();
        Thread slow = VirtualSupport.start("vt-slow", s::slowWrite);
        slow.join(50);
        boolean alive = slow.isAlive();
        int seen = s.result; // race:vt-result-read
        slow.join();

        Thread reader = VirtualSupport.startUnnamed(s::lateRead);
        s.config = 2; // race:vt-config-write
        reader.join();
        System.out.println("alive-after-timed-join=" + alive);
        System.out.println("seen=" + seen + " config-seen=" + s.configSeen);
    }
}
