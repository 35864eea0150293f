package io.threadcheck.core.analyse.contention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteTotalsTest {

    @Test
    void keepsEveryKeysCountAndTotalAcrossGrowth() {
        SiteTotals totals = new SiteTotals();
        Map<Long, long[]> expected = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (int site = 0; site < 500; site++) {
                long key = site % 2 == 0 ? site : SiteTotals.pair(site, site + 7);
                totals.add(key, 1, site);
                expected.computeIfAbsent(key, k -> new long[2]);
                expected.get(key)[0]++;
                expected.get(key)[1] += site;
            }
        }
        List<SiteTotals.Total> all = totals.totals();
        assertThat(all).hasSize(500);
        for (SiteTotals.Total t : all) {
            assertThat(new long[] {t.count(), t.nanos()}).as("key %d", t.key()).containsExactly(expected.get(t.key()));
        }
    }

    @Test
    void aPairSplitsBackIntoItsSites() {
        long pair = SiteTotals.pair(123456, 7);
        assertThat(SiteTotals.first(pair)).isEqualTo(123456);
        assertThat(SiteTotals.second(pair)).isEqualTo(7);
    }
}
