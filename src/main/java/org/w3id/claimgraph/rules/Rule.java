package org.w3id.claimgraph.rules;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.expr.E_Equals;
import org.apache.jena.sparql.expr.E_Exists;
import org.apache.jena.sparql.expr.E_LogicalOr;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.path.PathFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * One validation rule of ontology/rules.ttl: its metadata and its SHACL-SPARQL SELECT, which returns
 * the focus nodes ({@code $this}) it flags.
 *
 * @param iri        the rule's IRI, which is also its SHACL shape
 * @param id         the stable id (skos:notation), used on the command line and in reports
 * @param order      the rule's position in reports (cg:rank)
 * @param message    the sh:message template, with {?var} placeholders
 * @param select     the constraint's query, prefixes resolved, with {@code $this} free
 * @param targetClass the class whose instances the rule checks (sh:targetClass)
 */
public record Rule(Node iri, String id, int order, String label, String definition, Severity severity,
                   String message, Query select, Node targetClass) {

    public static final Var THIS = Var.alloc("this");
    public static final Var VALUE = Var.alloc("value");
    /** The focus node's type in the target pattern; a name no rule uses. */
    private static final Var TARGET_TYPE = Var.alloc("claimgraphTargetType");

    /**
     * The query that checks every target at once: the constraint's SELECT with {@code $this} bound by
     * the shape's target ({@code ?this rdf:type/rdfs:subClassOf* C}), as SHACL defines targets. It
     * gives the same rows as running the SELECT once per focus node with {@code $this} pre-bound, at
     * the cost of one query instead of one per claim; it is also what a remote endpoint is sent.
     */
    public Query fullScan() {
        return targeted(null);
    }

    /**
     * The full-scan query restricted to one focus node by a VALUES block ahead of the target. Unlike a
     * syntactic substitution of {@code $this}, this keeps queries that group by {@code $this} valid
     * when they are sent to an endpoint.
     */
    public Query forFocus(Node focus) {
        return targeted(focus);
    }

    private Query targeted(Node focus) {
        Query query = select.cloneQuery();
        ElementGroup group = new ElementGroup();
        if (focus != null) {
            ElementData only = new ElementData(List.of(THIS), List.of(BindingFactory.binding(THIS, focus)));
            group.addElement(only);
            addTarget(group);
            group.addElement(query.getQueryPattern());
        } else {
            // The rule's pattern first, the target after it: ARQ turns the join into a sequence that
            // re-evaluates its right side once per row of its left side, so with the target first a rule
            // would run once per claim (its sub-selects and groupings included), not once over all claims.
            group.addElement(query.getQueryPattern());
            addTarget(group);
        }
        query.setQueryPattern(group);
        return query;
    }

    /**
     * The target {@code ?this rdf:type/rdfs:subClassOf* C}, written as {@code ?this rdf:type ?t} with
     * {@code FILTER (?t = C || EXISTS { ?t rdfs:subClassOf+ C })}: the same rows, in a form Virtuoso 7.2
     * answers correctly (it drops or repeats rows of a path that ends in a constant when only a few rows
     * reach it: dose-above-upper-limit lost its findings).
     */
    private void addTarget(ElementGroup group) {
        ElementPathBlock typed = new ElementPathBlock();
        typed.addTriple(Triple.create(THIS, RDF.type.asNode(), TARGET_TYPE));
        ElementPathBlock subclass = new ElementPathBlock();
        subclass.addTriplePath(new TriplePath(TARGET_TYPE,
                PathFactory.pathOneOrMore1(PathFactory.pathLink(RDFS.subClassOf.asNode())), targetClass));
        ElementGroup exists = new ElementGroup();
        exists.addElement(subclass);
        group.addElement(typed);
        group.addElementFilter(new ElementFilter(new E_LogicalOr(
                new E_Equals(new ExprVar(TARGET_TYPE), NodeValue.makeNode(targetClass)),
                new E_Exists(exists))));
    }
}
