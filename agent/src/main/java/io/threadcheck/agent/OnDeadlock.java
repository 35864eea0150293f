package io.threadcheck.agent;

import io.threadcheck.core.report.DeadlockReport;

/**
 * What the agent does when the program really deadlocks: writes the report at once (the JVM
 * may never exit on its own), or with {@code onDeadlock=exit} ends the JVM with
 * {@link AgentOptions#DEADLOCK_EXIT_STATUS}, so a CI job fails instead of hanging.
 */
final class OnDeadlock implements DeadlockWatchdog.Listener {

    /** How long shutdown hooks get before the JVM is halted: one may wait on a deadlocked lock. */
    private static final long EXIT_GRACE_MILLIS = 10_000;

    private final AgentOptions options;
    private final ReportOnExit report;

    OnDeadlock(AgentOptions options, ReportOnExit report) {
        this.options = options;
        this.report = report;
    }

    @Override
    public void deadlocked(DeadlockReport deadlock) {
        System.err.println("threadcheck: deadlock: " + deadlock.cycle().size()
                + " threads are blocked for good" + (options.exitOnDeadlock
                ? "; ending the JVM with status " + AgentOptions.DEADLOCK_EXIT_STATUS + " (onDeadlock=exit)"
                : "; writing the report now"));
        if (!options.exitOnDeadlock) {
            report.writeInterim();
            return;
        }
        Thread halt = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    Thread.sleep(EXIT_GRACE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                System.err.println("threadcheck: shutdown hooks did not finish in " + EXIT_GRACE_MILLIS
                        + " ms after the deadlock; halting");
                Runtime.getRuntime().halt(AgentOptions.DEADLOCK_EXIT_STATUS);
            }
        }, "threadcheck-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(AgentOptions.DEADLOCK_EXIT_STATUS); // runs the report hook
    }
}
