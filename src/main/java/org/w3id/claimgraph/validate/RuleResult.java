package org.w3id.claimgraph.validate;

import org.apache.jena.graph.Node;

/**
 * What an engine reports for one row of a rule's query, before the claim's document and quote are
 * looked up. {@code value} is null when the rule names no value other than the claim itself.
 */
public record RuleResult(Rule rule, Node claim, Node value, String message) {
    public RuleResult {
        if (value != null && value.equals(claim)) value = null;
    }
}
