package org.w3id.claimgraph.validate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.rules.RuleSet;

/**
 * Validates a graph with the rules: runs them with an engine, then adds to each finding the claim's document
 * and quote. The same findings come out whichever engine ran and wherever the graph is.
 *
 * <pre>
 * Validator validator = Validator.load(layout);
 * List&lt;Finding&gt; findings = validator.validate(GraphSource.of(dsg, "seed graph"), RuleEngine.Kind.SHACL, validator.rules().all());
 * </pre>
 */
public final class Validator {
    private final RuleSet rules;
    private final Query contextQuery;
    private final Query curatorGradesQuery;
    private final Query vocabulariesQuery;

    public Validator(RuleSet rules, Query contextQuery, Query curatorGradesQuery, Query vocabulariesQuery) {
        this.rules = rules;
        this.contextQuery = contextQuery;
        this.curatorGradesQuery = curatorGradesQuery;
        this.vocabulariesQuery = vocabulariesQuery;
    }

    /** The rules of ontology/rules.ttl and the lookups of queries/validate/. */
    public static Validator load(ProjectLayout layout) {
        return new Validator(RuleSet.load(layout), lookup(layout, "finding-context"), lookup(layout, "curator-grades"),
                lookup(layout, "vocabularies-present"));
    }

    static Query lookup(ProjectLayout layout, String name) {
        return NamedQuery.read(layout.queriesDir().resolve("validate/" + name + ".rq")).parse();
    }

    public RuleSet rules() {
        return rules;
    }

    /**
     * Fails with an input error when the graph lacks the claimgraph vocabularies: the rules read grade ranks and
     * maximum grades from the graph and would silently find nothing without them.
     */
    public void requireVocabularies(GraphSource source) {
        if (!source.ask(vocabulariesQuery, null)) {
            throw new InputException(source.description() + ": the graph has no claimgraph vocabularies (grades with cg:rank);"
                    + " load the whole dataset, ontology graph included, and make its default graph the union of the named graphs");
        }
    }

    /** The findings of the given rules over every claim, in report order. */
    public List<Finding> validate(GraphSource source, RuleEngine.Kind engine, List<Rule> selected) {
        return complete(source, engine(source, engine).run(selected));
    }

    /** The findings of every rule for one claim, in report order. */
    public List<Finding> validateClaim(GraphSource source, RuleEngine.Kind engine, Node claim) {
        return complete(source, engine(source, engine).run(rules.all(), claim));
    }

    public RuleEngine engine(GraphSource source, RuleEngine.Kind engine) {
        return switch (engine) {
            case SPARQL -> new SparqlRuleEngine(source);
            case SHACL -> new ShaclRuleEngine(rules, source.dataset().orElseThrow(() -> new InputException(
                    "the shacl engine needs a local graph; " + source.description() + " is validated with --engine sparql")));
        };
    }

    /**
     * Whether {@code source} holds the validation report that the build stores (the graph id/graph/findings), so
     * that {@link #stored} can read a claim's findings instead of running the rules.
     */
    public boolean hasStoredFindings(GraphSource source, ProjectLayout layout) {
        return source.ask(lookup(layout, "findings-stored"), null);
    }

    /** The findings of one claim as the stored validation report has them, in report order. */
    public List<Finding> stored(GraphSource source, ProjectLayout layout, Node claim) {
        Query query = QueryTransformOps.transform(lookup(layout, "stored-findings"), Map.of(Var.alloc("claim"), claim));
        List<Finding> found = new ArrayList<>();
        source.select(query).forEachRemaining(b -> {
            Rule rule = rules.byIri(b.get("rule")).orElse(null);
            if (rule == null) return;
            found.add(Finding.of(rule, claim, b.get("value"), b.get("message").getLiteralLexicalForm()));
        });
        return complete(source, found);
    }

    private List<Finding> complete(GraphSource source, List<Finding> results) {
        Set<Node> claims = new LinkedHashSet<>();
        results.forEach(r -> claims.add(NodeFactory.createURI(r.claim())));
        Map<Node, ClaimContext.Where> where = ClaimContext.lookup(source, contextQuery, curatorGradesQuery, new ArrayList<>(claims));
        Set<Finding> findings = new LinkedHashSet<>();
        for (Finding r : results) {
            ClaimContext.Where w = where.getOrDefault(NodeFactory.createURI(r.claim()), ClaimContext.Where.UNKNOWN);
            findings.add(r.at(w.document(), w.quote(), w.grading()));
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.order(rules));
        return sorted;
    }
}
