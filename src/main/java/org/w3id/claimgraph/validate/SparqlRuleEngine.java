package org.w3id.claimgraph.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
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
        return run(rules, Map.of());
    }

    @Override
    public List<RuleResult> run(List<Rule> rules, Node claim) {
        return run(rules, Map.of(Rule.THIS.getVarName(), claim));
    }

    private List<RuleResult> run(List<Rule> rules, Map<String, Node> substitution) {
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : rules) {
            Node fixed = substitution.get(Rule.THIS.getVarName());
            service.select(rule.fullScan(), substitution, rows -> {
                rows.forEachRemaining(row -> results.add(result(rule, row, fixed)));
                return null;
            });
        }
        return results;
    }

    private static RuleResult result(Rule rule, Binding row, Node fixed) {
        Node claim = row.get(Rule.THIS);
        if (claim == null) claim = fixed;
        Node value = row.get(Rule.VALUE);
        return new RuleResult(rule, claim, value == null ? claim : value, MessageTemplate.fill(rule.message(), row));
    }
}
