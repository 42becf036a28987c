package org.w3id.claimgraph.project;

/**
 * Named points in the writing of a database where a test can stop the process, to show that a crash there
 * (SIGKILL) loses nothing. Inert unless the environment variable {@value #VARIABLE} names the point: then,
 * on reaching it, the process prints {@code claimgraph: paused at NAME} on standard error and waits forever
 * (for the test to kill it). Nothing in claimgraph sets the variable; it exists only for the crash tests.
 */
public final class PausePoint {
    public static final String VARIABLE = "CLAIMGRAPH_TEST_PAUSE_AT";
    private static final String PAUSE_AT = System.getenv(VARIABLE);

    private PausePoint() {}

    /** Waits forever here if the environment names this point; returns at once otherwise. */
    public static void reached(String name) {
        if (PAUSE_AT == null || !PAUSE_AT.equals(name)) return;
        System.err.println("claimgraph: paused at " + name);
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
