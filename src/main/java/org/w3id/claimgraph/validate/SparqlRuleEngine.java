package org.w3id.claimgraph.validate;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.rules.Rule;

/**
 * Runs each rule as one SPARQL query over all claims ({@link Rule#fullScan()}), on any {@link GraphSource}: no
 * SHACL engine is needed, and a rule costs one query, not one per claim. Rows become findings exactly as
 * SHACL-SPARQL turns them into validation results.
 */
public final class SparqlRuleEngine implements RuleEngine {
    private final GraphSource source;

    public SparqlRuleEngine(GraphSource source) {
        this.source = source;
    }

    @Override
    public List<Finding> run(List<Rule> rules) {
        List<Finding> results = new ArrayList<>();
        for (Rule rule : rules) collect(rule, rule.fullScan(), results);
        return results;
    }

    @Override
    public List<Finding> run(List<Rule> rules, Node claim) {
        List<Finding> results = new ArrayList<>();
        for (Rule rule : rules) collect(rule, rule.forFocus(claim), results);
        return results;
    }

    private void collect(Rule rule, Query query, List<Finding> results) {
        source.stream(query, null, rows -> {
            rows.forEachRemaining(row -> results.add(finding(rule, row)));
            return null;
        });
    }

    private static Finding finding(Rule rule, Binding row) {
        Node claim = row.get(Rule.THIS);
        Node value = row.get(Rule.VALUE);
        return Finding.of(rule, claim, value, MessageTemplate.fill(rule.message(), row));
    }
}
