package org.w3id.claimgraph.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Runs each rule as one SPARQL query over all claims ({@link Rule#fullScan()}), against a local
 * dataset or a remote endpoint: no SHACL engine is needed, and a rule costs one query, not one per
 * claim. Rows become results exactly as SHACL-SPARQL turns them into validation results.
 */
public final class SparqlRuleEngine implements RuleEngine {
    private final SparqlService service;

    public SparqlRuleEngine(SparqlService service) {
        this.service = service;
    }

    @Override
    public List<RuleResult> run(List<Rule> rules) {
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : rules) collect(rule, rule.fullScan(), results);
        return results;
    }

    @Override
    public List<RuleResult> run(List<Rule> rules, Node claim) {
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : rules) collect(rule, rule.forFocus(claim), results);
        return results;
    }

    private void collect(Rule rule, Query query, List<RuleResult> results) {
        service.select(query, Map.of(), rows -> {
            rows.forEachRemaining(row -> results.add(result(rule, row)));
            return null;
        });
    }

    private static RuleResult result(Rule rule, Binding row) {
        Node claim = row.get(Rule.THIS);
        Node value = row.get(Rule.VALUE);
        return new RuleResult(rule, claim, value == null ? claim : value, MessageTemplate.fill(rule.message(), row));
    }
}
