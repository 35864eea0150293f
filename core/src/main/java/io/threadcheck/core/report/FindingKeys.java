package io.threadcheck.core.report;

import io.threadcheck.core.record.Site;
import java.util.ArrayList;
import java.util.List;

/**
 * Names for findings that stay the same from run to run and JVM to JVM: object identities
 * ({@code @1b6d}) and the order in which the two accesses of a race happened left out.
 * {@link #race} and {@link #deadlock} tell the same finding apart within a build (lines
 * included); the {@code baseline} forms leave line numbers out, so a baseline survives edits
 * elsewhere in the file.
 */
public final class FindingKeys {

    private FindingKeys() {}

    /** {@code race <variable> <site> <site>}, the two sites in sorted order. */
    public static String race(RaceReport race) {
        return "race " + variable(race.variable()) + " " + pair(frame(race.earlier().site()), frame(race.later().site()));
    }

    /** {@code race <variable> <Class.method> <Class.method>}: {@link #race} without lines. */
    public static String baselineRace(RaceReport race) {
        return "race " + variable(race.variable()) + " " + pair(method(race.earlier().site()), method(race.later().site()));
    }

    /** {@code deadlock <held site> > <wanted site> | ...}, starting at the smallest step. */
    public static String deadlock(DeadlockReport cycle) {
        List<String> steps = new ArrayList<>();
        for (DeadlockReport.Step s : cycle.cycle()) steps.add(frame(s.heldSite()) + " > " + frame(s.acquiredSite()));
        return "deadlock " + rotated(steps);
    }

    /** {@link #deadlock} with methods in place of sites. */
    public static String baselineDeadlock(DeadlockReport cycle) {
        List<String> steps = new ArrayList<>();
        for (DeadlockReport.Step s : cycle.cycle()) steps.add(method(s.heldSite()) + " > " + method(s.acquiredSite()));
        return "deadlock " + rotated(steps);
    }

    static String variable(String variable) {
        return variable.replaceAll("@[0-9a-f]+", "");
    }

    static String method(Site site) {
        return site == null ? "?" : site.className() + "." + site.sourceMethod();
    }

    private static String frame(Site site) {
        return site == null ? "?" : method(site) + ":" + site.line();
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + " " + b : b + " " + a;
    }

    /** A cycle read from its smallest step on, so the same cycle found from another thread matches. */
    private static String rotated(List<String> steps) {
        if (steps.isEmpty()) return "";
        int start = 0;
        for (int i = 1; i < steps.size(); i++) if (steps.get(i).compareTo(steps.get(start)) < 0) start = i;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) sb.append(" | ");
            sb.append(steps.get((start + i) % steps.size()));
        }
        return sb.toString();
    }
}
