package it;

public class CleanMain {
    static int hits;

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> hits++, "writer");
        a.start();
        a.join();
        System.out.println(hits);
    }
}
