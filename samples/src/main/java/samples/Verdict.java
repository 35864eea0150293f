package samples;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What threadcheck must report when this sample runs under the agent: the one place the sample
 * declares its verdict. {@code SamplesIT} (samples/src/test) runs every class carrying it in its
 * own JVM and compares the report with it: the same set of races, nothing extra.
 *
 * <p>No {@link #races()} means <em>clean</em>: the report must have no race at all.
 *
 * <p>Runtime retention, so the runner reads it by reflection from the compiled classes and never
 * has to parse Java.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Verdict {

    /** The row number(s) of the topic table in TOPICS.md that this sample illustrates. */
    int[] topics();

    /** One line for the summary table: what the sample shows. */
    String title();

    /** The races the report must contain, and no others. Empty: the sample must be clean. */
    Race[] races() default {};

    /**
     * The lock-order cycles (potential deadlocks) the report must contain, and no others. A
     * sample without races and deadlocks must be clean.
     */
    Deadlock[] deadlocks() default {};

    /**
     * NAME of a marker comment {@code // contention:NAME} on the line where the lock that must top
     * the report's contention list (most waited for) is taken; empty: contention is not checked.
     */
    String contentionTop() default "";

    /**
     * Non-empty when the verdict needs a feature threadcheck does not have yet (e.g.
     * {@code "deadlock detection, issue 4"}). The runner still runs the sample, shows what was
     * found, and reports it as PENDING: never PASS, never a failure.
     */
    String pending() default "";

    /** The lowest Java feature release the sample needs; run on JDK 25 when above 17. */
    int minJava() default 17;

    /**
     * One expected lock-order cycle: the lines where each of its threads takes its second lock,
     * each marked {@code // deadlock:NAME} (one line for a cycle whose threads all run the same
     * code, e.g. {@code transfer(a, b)} and {@code transfer(b, a)}), and whether threadcheck must
     * confirm it (a reordering of the run reaches it) or only warn.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Deadlock {
        /** NAME of the {@code // deadlock:NAME} marker comment(s). */
        String marker();

        /** True: the report must mark it "confirmed"; false: "potential". */
        boolean confirmed() default true;
    }

    /**
     * One expected race: the variable as the report names it, and the two access sites, given
     * as a marker comment {@code // race:NAME} at the end of the source line(s) of the sample's
     * file. One marked line means both accesses are on it (e.g. {@code count++} racing with
     * itself); two marked lines, one access on each. The pair is unordered: which access
     * happens first may vary from run to run.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Race {
        /** E.g. {@code samples.race.RacyCounter.count} or {@code java.util.HashMap.<contents>}. */
        String variable();

        /** NAME of the {@code // race:NAME} marker comment(s). */
        String marker();
    }
}
