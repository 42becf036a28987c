package org.w3id.claimgraph.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.w3id.claimgraph.load.InputException;
import org.w3id.claimgraph.load.ProjectLayout;
import org.w3id.claimgraph.query.NamedQuery;

/**
 * Validates a graph with the rules: runs them with an engine, then adds to each result the claim's
 * document and quote. The same findings come out whichever engine ran and wherever the graph is.
 *
 * <pre>
 * Validator validator = Validator.load(layout);
 * List&lt;Finding&gt; findings = validator.validate(ValidationSource.seeds(layout, List.of()), Engine.SHACL, validator.rules().all());
 * </pre>
 */
public final class Validator {
    private final RuleSet rules;
    private final Query contextQuery;

    public Validator(RuleSet rules, Query contextQuery) {
        this.rules = rules;
        this.contextQuery = contextQuery;
    }

    /** The rules of ontology/rules.ttl and the lookup query of queries/validate/. */
    public static Validator load(ProjectLayout layout) {
        return new Validator(RuleSet.load(layout),
                NamedQuery.read(layout.queriesDir().resolve("validate/finding-context.rq")).parse());
    }

    public RuleSet rules() {
        return rules;
    }

    /** The findings of the given rules over every claim, in report order. */
    public List<Finding> validate(ValidationSource source, Engine engine, List<Rule> selected) {
        return complete(source, engine(source, engine).run(selected));
    }

    /** The findings of every rule for one claim, in report order. */
    public List<Finding> validateClaim(ValidationSource source, Engine engine, Node claim) {
        return complete(source, engine(source, engine).run(rules.all(), claim));
    }

    public RuleEngine engine(ValidationSource source, Engine engine) {
        return switch (engine) {
            case SPARQL -> new SparqlRuleEngine(source.sparql());
            case SHACL -> new ShaclRuleEngine(rules,
                    source.dataset().orElseThrow(() -> new InputException("the shacl engine needs a local graph; "
                            + source.description() + " is validated with --engine sparql")),
                    source.unionGraph().orElseThrow());
        };
    }

    private List<Finding> complete(ValidationSource source, List<RuleResult> results) {
        Set<Node> claims = new LinkedHashSet<>();
        results.forEach(r -> claims.add(r.claim()));
        Map<Node, ClaimContext.Where> where = ClaimContext.lookup(source.sparql(), contextQuery, new ArrayList<>(claims));
        Set<Finding> findings = new LinkedHashSet<>();
        for (RuleResult r : results) {
            ClaimContext.Where w = where.getOrDefault(r.claim(), ClaimContext.Where.UNKNOWN);
            findings.add(new Finding(r.claim().isURI() ? r.claim().getURI() : r.claim().toString(), r.rule().id(),
                    r.rule().severity(), r.message(), w.document(), w.quote(), r.value(), w.grading()));
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.order(rules));
        return sorted;
    }
}
