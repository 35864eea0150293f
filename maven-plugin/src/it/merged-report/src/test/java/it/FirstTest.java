package it;

import org.junit.jupiter.api.Test;

class FirstTest {
    @Test
    void sameRaceInEveryJvm() throws InterruptedException {
        Shared.race();
    }
}
