package org.w3id.claimgraph.validate;

import org.apache.jena.graph.Node;

/**
 * What the build derived for a claim, as the reports show it beside each finding: its grade, the grade
 * the evidence gives, the curator's grade when a curator overrode it, and whether a literature review is
 * recorded. Each grade is its IRI and its notation ("low"); a value the graph does not hold is null (a
 * graph built before the derivation existed has none of them).
 */
public record Grading(Node grade, String gradeId, Node derivedGrade, String derivedGradeId,
                      Node curatorGrade, String curatorGradeId, Boolean reviewed) {
    /** Nothing known. */
    public static final Grading NONE = new Grading(null, null, null, null, null, null, null);

    /** "derived", "override" (a curator's grade), or null when the claim has no grade. */
    public String gradeSource() {
        if (grade == null) return null;
        return curatorGrade != null ? "override" : "derived";
    }
}
