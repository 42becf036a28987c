package org.w3id.claimgraph.validate;

import java.util.List;

import org.apache.jena.graph.Node;
import org.w3id.claimgraph.rules.Rule;

/** Runs rules over a graph and reports what they flag, as findings not yet placed in their documents. */
public interface RuleEngine {

    /** Which engine runs the rules. */
    enum Kind {
        /** Jena SHACL over a local graph: each rule once per claim, as the shapes define it. */
        SHACL,
        /** One SPARQL query per rule over all claims: for large stores and for endpoints. */
        SPARQL;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The findings of the rules for every claim. */
    List<Finding> run(List<Rule> rules);

    /** The findings of the rules for one claim. */
    List<Finding> run(List<Rule> rules, Node claim);
}
