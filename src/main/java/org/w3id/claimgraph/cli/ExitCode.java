package org.w3id.claimgraph.cli;

/** The exit codes of every command. */
public final class ExitCode {
    /** Everything checked out. */
    public static final int OK = 0;
    /** The data has problems (a build failure, validation findings at or above --fail-on). */
    public static final int DATA_PROBLEMS = 1;
    /** A usage or input error: a bad option, a missing file, an unreachable endpoint. */
    public static final int USAGE = 2;
    /** A bug in claimgraph itself. */
    public static final int INTERNAL = 3;

    private ExitCode() {}
}
