package org.w3id.claimgraph.derive;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;

/**
 * A GRADE factor of grading.ttl as the derivation uses it.
 *
 * @param iri              the factor (cg:RiskOfBias, ...)
 * @param rank             its place in a derivation's steps
 * @param label            its English label ("risk of bias")
 * @param maxChange        the most levels it moves a grade: negative down, positive up
 * @param coveredByReportedCertainty not applied to a line whose review rates its own certainty
 * @param setsAsideUnrecordedDisputes a disputing line with an unrecorded reason of this factor is set aside
 * @param lineConditions   conditions returning ?line (one row a reason)
 * @param claimConditions  conditions returning ?assertion (one row a reason)
 */
record Factor(Node iri, int rank, String label, int maxChange, boolean coveredByReportedCertainty,
              boolean setsAsideUnrecordedDisputes, List<Query> lineConditions, List<Query> claimConditions) {

    boolean down() {
        return maxChange < 0;
    }

    /** The change of {@code reasons} distinct reasons: one level each, at most {@link #maxChange}. */
    int change(int levels) {
        return down() ? Math.max(maxChange, -levels) : Math.min(maxChange, levels);
    }
}
