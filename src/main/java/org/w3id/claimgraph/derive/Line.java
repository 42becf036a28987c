package org.w3id.claimgraph.derive;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;

/**
 * One line of evidence as the derivation sees it: where it starts, the steps applied to it and its level,
 * or why it was set aside. Mutable while the line factors are applied, then read.
 */
final class Line {
    final Node iri;
    final Node claim;
    final Node assertion;
    final boolean supports;
    final Node reference;
    final String citation;
    final boolean reportedCertainty;
    /** The article's own (traceable) citation of the reference, rather than a curator's line. */
    final boolean byArticle;
    final int start;
    final String startReason;
    final List<Step> steps = new ArrayList<>();
    String setAside;
    int level;

    Line(Node iri, Node claim, Node assertion, boolean supports, Node reference, String citation,
         boolean reportedCertainty, boolean byArticle, int start, String startReason, String setAside) {
        this.iri = iri;
        this.claim = claim;
        this.assertion = assertion;
        this.supports = supports;
        this.reference = reference;
        this.citation = citation;
        this.reportedCertainty = reportedCertainty;
        this.byArticle = byArticle;
        this.start = start;
        this.startReason = startReason;
        this.setAside = setAside;
        this.level = start;
    }

    boolean counts() {
        return setAside == null;
    }

    /** "systematic review or meta-analysis (Botturi 2020)". */
    String startDescription() {
        return citation == null ? startReason : startReason + " (" + citation + ")";
    }
}
