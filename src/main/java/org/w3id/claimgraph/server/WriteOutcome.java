package org.w3id.claimgraph.server;

/**
 * What became of a write: applied (with how many quads it added and removed) or rejected with a report
 * that says why, in which case the data is unchanged.
 */
record WriteOutcome(boolean accepted, long added, long removed, String report) {
    static WriteOutcome applied(long added, long removed) {
        return new WriteOutcome(true, added, removed, null);
    }

    static WriteOutcome rejected(String report) {
        return new WriteOutcome(false, 0, 0, report);
    }
}
