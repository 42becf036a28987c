package org.w3id.claimgraph.validate;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.rules.RuleSet;

/**
 * Runs the rules as what they are, SHACL shapes, with Jena SHACL over a local graph: each rule's
 * query once per claim, {@code $this} pre-bound. Any other SHACL-SPARQL engine would report the same.
 */
public final class ShaclRuleEngine implements RuleEngine {
    private final RuleSet ruleSet;
    private final DatasetGraph dataset;
    private final Graph data;

    /** @param dataset the local dataset; the data graph is the union of its named graphs */
    public ShaclRuleEngine(RuleSet ruleSet, DatasetGraph dataset) {
        this.ruleSet = ruleSet;
        this.dataset = dataset;
        this.data = GraphSource.unionView(dataset).getDefaultGraph();
    }

    @Override
    public List<Finding> run(List<Rule> rules) {
        return validate(rules, null);
    }

    @Override
    public List<Finding> run(List<Rule> rules, Node claim) {
        return validate(rules, claim);
    }

    private List<Finding> validate(List<Rule> rules, Node focus) {
        Shapes shapes = Shapes.parse(ruleSet.shapesGraph(rules));
        ValidationReport report = Txn.calculateRead(dataset, () -> focus == null
                ? ShaclValidator.get().validate(shapes, data)
                : ShaclValidator.get().validate(shapes, data, focus));
        List<Finding> results = new ArrayList<>();
        for (ReportEntry entry : report.getEntries()) {
            Rule rule = ruleSet.byIri(entry.source()).orElseThrow(() ->
                    new IllegalStateException("a SHACL result from a shape that is not a rule: " + entry.source()));
            results.add(Finding.of(rule, entry.focusNode(), entry.value(), entry.message()));
        }
        return results;
    }
}
