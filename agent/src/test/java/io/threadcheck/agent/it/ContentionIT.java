package io.threadcheck.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import programs.ContentionHotLock;
import programs.ContentionReadWrite;
import programs.ContentionReentrantLock;
import programs.ContentionWaitNotify;

/**
 * Lock contention with the real agent: the hot lock comes first in the report's
 * {@code contention} array, named at the line where it is taken, with where threads waited, where
 * the lock was held, and which holder made which waiter wait. Time in wait/await is kept apart.
 * Timings are compared only as orderings with wide margins.
 */
class ContentionIT {

    /** One entry of the {@code contention} array, with the fields the tests look at. */
    record Lock(String name, String kind, Report.Site site, long acquisitions, long contended, long waitNanos,
                long holdNanos, long conditionWaitNanos, List<Report.Site> waitingSites,
                List<Report.Site> holdingSites, List<Report.Site[]> blame) {

        static Lock of(JsonNode c) {
            List<Report.Site[]> blame = new ArrayList<>();
            for (JsonNode b : c.get("blame")) {
                blame.add(new Report.Site[] {Report.Site.fromJson(b.get("holder")), Report.Site.fromJson(b.get("waiter"))});
            }
            return new Lock(c.get("lock").textValue(), c.get("kind").textValue(), Report.Site.fromJson(c.get("site")),
                    c.get("acquisitions").longValue(), c.get("contended").longValue(), c.get("waitNanos").longValue(),
                    c.get("holdNanos").longValue(), c.get("conditionWaitNanos").longValue(),
                    sites(c.get("waitingSites")), sites(c.get("holdingSites")), blame);
        }

        private static List<Report.Site> sites(JsonNode siteTimes) {
            List<Report.Site> out = new ArrayList<>();
            for (JsonNode t : siteTimes) out.add(Report.Site.fromJson(t.get("site")));
            return out;
        }

        boolean blames(Report.Site holder, Report.Site waiter) {
            for (Report.Site[] pair : blame) {
                if (pair[0].equals(holder) && pair[1].equals(waiter)) return true;
            }
            return false;
        }
    }

    private static AgentRun.Result run(Class<?> program, String... options) {
        AgentRun.Result run = AgentRun.of(program).agentOptions(options).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        return run;
    }

    private static List<Lock> contention(AgentRun.Result run) {
        List<Lock> locks = new ArrayList<>();
        for (JsonNode c : run.report().contention()) locks.add(Lock.of(c));
        assertThat(locks).as("contention\n%s", run.report().pretty()).isNotEmpty();
        return locks;
    }

    private static Lock find(List<Lock> locks, Report.Site site) {
        for (Lock l : locks) {
            if (site.equals(l.site())) return l;
        }
        return null;
    }

    /** The hot lock is first, at its block's line, waited for and blamed on its own holders. */
    private static void assertHotLockFirst(AgentRun.Result run, Class<?> program, String kind, String type) {
        List<Lock> locks = contention(run);
        Report.Site hotSite = SourceMarkers.site(program, "hammer", "lock:hot");
        Lock hot = locks.get(0);
        String report = run.report().pretty();
        assertThat(hot.site()).as(report).isEqualTo(hotSite);
        assertThat(hot.kind()).as(report).isEqualTo(kind);
        assertThat(hot.name()).as(report).startsWith(type + "@");
        assertThat(hot.acquisitions()).as(report).isEqualTo(4L * 20_000);
        assertThat(hot.contended()).as(report).isPositive();
        assertThat(hot.waitNanos()).as(report).isPositive();
        assertThat(hot.holdNanos()).as(report).isPositive();
        assertThat(hot.waitingSites()).as(report).contains(hotSite);
        assertThat(hot.holdingSites()).as(report).contains(hotSite);
        assertThat(hot.blames(hotSite, hotSite)).as("hot site blamed for waits at the hot site\n%s", report).isTrue();

        Lock cold = find(locks, SourceMarkers.site(program, "hammer", "lock:cold"));
        if (cold != null) { // listed only if it was ever waited for or held 1 ms in total
            assertThat(cold.acquisitions()).as(report).isEqualTo(4L * 10);
            assertThat(cold.waitNanos() * 10).as(report).isLessThan(hot.waitNanos());
        }
    }

    @Test
    void aHotMonitorIsFirstAtItsSynchronizedBlock() {
        AgentRun.Result run = run(ContentionHotLock.class, "mode=contention");
        assertThat(run.stdout()).as(run.describe()).contains("cold=40");
        assertHotLockFirst(run, ContentionHotLock.class, "monitor", "java.lang.Object");
    }

    @Test
    void aHotMonitorIsFirstWithEveryAnalysisRunning() {
        AgentRun.Result run = run(ContentionHotLock.class);
        assertHotLockFirst(run, ContentionHotLock.class, "monitor", "java.lang.Object");
    }

    @Test
    void aHotReentrantLockIsFirstAtItsLockCall() {
        AgentRun.Result run = run(ContentionReentrantLock.class, "mode=contention");
        assertThat(run.stdout()).as(run.describe()).contains("cold=40");
        assertHotLockFirst(run, ContentionReentrantLock.class, "lock", "java.util.concurrent.locks.ReentrantLock");
    }

    @Test
    void waitingOnALockIsConditionWaitingNotLockWaiting() {
        AgentRun.Result run = run(ContentionWaitNotify.class, "mode=contention");
        assertThat(run.stdout()).as(run.describe()).contains("sum=1275");
        List<Lock> locks = contention(run);
        String report = run.report().pretty();
        assertThat(locks).as(report).hasSize(1);
        Lock lock = locks.get(0);
        assertThat(lock.kind()).isEqualTo("monitor");
        // 50 items, each taken once by the consumer and once by the producer; the re-acquisitions
        // after wait are not new acquisitions.
        assertThat(lock.acquisitions()).as(report).isEqualTo(100);
        assertThat(lock.conditionWaitNanos()).as(report).isPositive();
        assertThat(lock.conditionWaitNanos()).as(report).isGreaterThan(10 * lock.waitNanos());
    }

    @Test
    void readersWaitForTheWriterAndBlameTheWriteSite() {
        AgentRun.Result run = run(ContentionReadWrite.class, "mode=contention");
        assertThat(run.stdout()).as(run.describe()).contains("value=20 read=true");
        List<Lock> locks = contention(run);
        String report = run.report().pretty();
        Report.Site writeSite = SourceMarkers.site(ContentionReadWrite.class, "main", "lock:write");
        Report.Site readSite = SourceMarkers.site(ContentionReadWrite.class, "read", "lock:read");
        Lock read = find(locks, readSite);
        Lock write = find(locks, writeSite);
        assertThat(read).as(report).isNotNull();
        assertThat(write).as(report).isNotNull();
        assertThat(read.kind()).isEqualTo("read");
        assertThat(write.kind()).isEqualTo("write");
        assertThat(write.acquisitions()).as(report).isEqualTo(20);
        assertThat(read.contended()).as(report).isPositive();
        assertThat(read.blames(writeSite, readSite)).as("the write site blamed for read waits\n%s", report).isTrue();
        assertThat(write.holdNanos()).as(report).isGreaterThanOrEqualTo(20 * 1_000_000L); // 20 sleeps of 1 ms inside
    }
}
