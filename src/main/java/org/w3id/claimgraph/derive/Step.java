package org.w3id.claimgraph.derive;

import org.apache.jena.graph.Node;

/** One applied factor: which, how many levels (negative down) and why. */
record Step(Node factor, String factorLabel, int change, String reason) {

    /** "−1 imprecision: 126 participants (fewer than 400)". */
    String describe() {
        String sign = change > 0 ? "+" : "\u2212";
        return sign + Math.abs(change) + " " + factorLabel + ": " + reason;
    }
}
