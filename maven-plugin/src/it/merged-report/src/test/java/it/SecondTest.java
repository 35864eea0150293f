package it;

import org.junit.jupiter.api.Test;

class SecondTest {
    @Test
    void sameRaceInEveryJvm() throws InterruptedException {
        Shared.race();
    }
}
