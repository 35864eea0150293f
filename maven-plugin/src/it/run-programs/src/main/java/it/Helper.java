package it;

/** No main method: never run. */
public class Helper {
    static int twice(int x) {
        return 2 * x;
    }
}
