package programs;

/** A thousand virtual threads increment one counter without synchronisation. */
public final class VirtualManyRace {
    static final int COUNT = 1_000;

    private int counter;

    void increment() {
        counter++; // race:counter
    }

    public static void main(String[] args) throws Exception {
        VirtualManyRace s = new VirtualManyRace();
        Thread[] threads = new Thread[COUNT];
        for (int i = 0; i < COUNT; i++) {
            threads[i] = VirtualSupport.start("many-" + i, s::increment);
        }
        for (Thread t : threads) t.join();
        System.out.println("counted=" + (s.counter > 0 && s.counter <= COUNT));
    }
}
