package org.w3id.claimgraph.validate;

import java.util.List;

import org.apache.jena.graph.Node;

/** Runs rules over a graph and reports what they flag. */
public interface RuleEngine {

    /** The results of the rules for every claim. */
    List<RuleResult> run(List<Rule> rules);

    /** The results of the rules for one claim. */
    List<RuleResult> run(List<Rule> rules, Node claim);
}
