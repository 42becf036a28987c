package org.w3id.claimgraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementExists;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementLateral;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementNotExists;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementUnion;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.project.StrictRdfReader;

/**
 * SHACL's rules for pre-bound variables (SHACL 1.0, section 5.3.1.1) hold for every SPARQL-based constraint
 * of the project: the rules of ontology/rules.ttl and the constraints of ontology/shapes.ttl. A strict
 * SHACL-SPARQL engine pre-binds {@code $this} and rejects a query that has a MINUS, a VALUES or a SERVICE
 * clause, that binds {@code $this} with AS, or that has a sub-query not returning {@code $this}. One case per
 * constraint, each sh:select parsed with Jena's QueryFactory and walked into its sub-queries, OPTIONAL, UNION,
 * GRAPH, BIND and FILTER (NOT) EXISTS patterns.
 */
class PreBindingTest {
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final Var THIS = Var.alloc("this");

    /** One SPARQL-based constraint: where it is and its query, prefixes from its sh:prefixes declarations. */
    record Constraint(String name, Query select) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Constraint> constraints() {
        ProjectLayout layout = ProjectLayout.locate();
        List<Constraint> all = new ArrayList<>();
        for (String file : List.of("rules.ttl", "shapes.ttl")) {
            Path path = layout.ontologyDir().resolve(file);
            all.addAll(constraintsOf(new StrictRdfReader(layout).readGraph(path), file));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constraints")
    void everySubQueryReturnsThisAndNothingForbidsPreBinding(Constraint c) {
        assertEquals(List.of(), violations(c.select()), c.name() + ":\n" + c.select());
    }

    @Test
    void everyRuleAndEveryShapesConstraintIsChecked() {
        List<String> names = constraints().map(Constraint::name).toList();
        List<Rule> rules = RuleSet.load(ProjectLayout.locate()).all();
        assertEquals(rules.size(), names.stream().filter(n -> n.startsWith("rules.ttl ")).count(), names.toString());
        assertEquals(10, names.stream().filter(n -> n.startsWith("shapes.ttl ")).count(), names.toString());
        rules.forEach(r ->
                assertTrue(names.contains("rules.ttl " + r.iri().getURI()), r.id()));
    }

    /** A query the check is tried on, and what it must find in it (nothing for an acceptable query). */
    record Case(String query, List<String> expected) {
        @Override
        public String toString() {
            return query + " -> " + expected;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("SELECT $this WHERE { { SELECT $this (COUNT(?e) AS ?n) WHERE { $this cg:evidence ?e } GROUP BY $this } }", List.of()),
                new Case("SELECT $this WHERE { $this cg:subject ?s . { SELECT ?claim WHERE { ?claim cg:subject ?s } } }",
                        List.of("a sub-query does not return $this: it returns ?claim")),
                new Case("SELECT $this WHERE { $this cg:subject ?s . FILTER NOT EXISTS { { SELECT ?other WHERE { ?other cg:subject ?s } } } }",
                        List.of("a sub-query does not return $this: it returns ?other")),
                new Case("SELECT $this WHERE { $this cg:subject ?s MINUS { $this cg:negated true } }", List.of("MINUS")),
                new Case("SELECT $this WHERE { VALUES ?s { cg:x } $this cg:subject ?s }", List.of("VALUES")),
                new Case("SELECT $this WHERE { $this cg:subject ?s } VALUES ?s { cg:x }", List.of("VALUES")),
                new Case("SELECT $this WHERE { SERVICE <http://example.org/sparql> { $this cg:subject ?s } }", List.of("SERVICE")),
                new Case("SELECT $this WHERE { ?c cg:subject ?s BIND (?c AS $this) }", List.of("BIND (... AS $this)")),
                new Case("SELECT (?c AS $this) WHERE { ?c cg:subject ?s }", List.of("(... AS $this) in a SELECT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCheckFindsEachKindOfViolation(Case c) {
        Query query = QueryFactory.create("PREFIX cg: <https://w3id.org/claimgraph/ontology#>\n" + c.query());
        assertEquals(c.expected(), violations(query));
    }

    /** What in the query breaks SHACL's pre-binding rules; empty when nothing does. */
    static List<String> violations(Query query) {
        List<String> found = new ArrayList<>();
        new Walker(found).query(query, false);
        return found;
    }

    private static List<Constraint> constraintsOf(Graph graph, String file) {
        Node select = NodeFactory.createURI(SH + "select");
        Node sparqlConstraint = NodeFactory.createURI(SH + "SPARQLConstraint");
        Node sparql = NodeFactory.createURI(SH + "sparql");
        List<Constraint> found = new ArrayList<>();
        for (Triple t : graph.find(Node.ANY, RDF.type.asNode(), sparqlConstraint).toList()) {
            Node constraint = t.getSubject();
            Node shape = graph.find(Node.ANY, sparql, constraint).mapWith(Triple::getSubject).toList().stream()
                    .findFirst().orElse(constraint);
            String text = graph.find(constraint, select, Node.ANY).next().getObject().getLiteralLexicalForm();
            Query query = QueryFactory.create(prefixes(graph, constraint) + text);
            found.add(new Constraint(file + " " + (shape.isURI() ? shape.getURI() : shape.toString()), query));
        }
        return found;
    }

    /** PREFIX lines for the declarations (sh:declare) of the constraint's sh:prefixes. */
    private static String prefixes(Graph graph, Node constraint) {
        StringBuilder out = new StringBuilder();
        Node prefixesOf = NodeFactory.createURI(SH + "prefixes");
        Node declare = NodeFactory.createURI(SH + "declare");
        Node prefix = NodeFactory.createURI(SH + "prefix");
        Node namespace = NodeFactory.createURI(SH + "namespace");
        for (Node owner : graph.find(constraint, prefixesOf, Node.ANY).mapWith(Triple::getObject).toList()) {
            for (Node d : graph.find(owner, declare, Node.ANY).mapWith(Triple::getObject).toList()) {
                String name = graph.find(d, prefix, Node.ANY).next().getObject().getLiteralLexicalForm();
                String iri = graph.find(d, namespace, Node.ANY).next().getObject().getLiteralLexicalForm();
                out.append("PREFIX ").append(name).append(": <").append(iri).append(">\n");
            }
        }
        return out.toString();
    }

    /** Walks a query's syntax into every nested pattern and expression, noting what breaks pre-binding. */
    private record Walker(List<String> found) {
        void query(Query q, boolean subQuery) {
            if (subQuery) {
                if (q.isQueryResultStar()) q.setResultVars();
                if (!q.getProjectVars().contains(THIS)) {
                    found.add("a sub-query does not return $this: it returns " + String.join(" ",
                            q.getProjectVars().stream().map(v -> "?" + v.getVarName()).toList()));
                }
            }
            if (q.getProject().getExprs().containsKey(THIS)) found.add("(... AS $this) in a SELECT");
            if (q.hasValues()) found.add("VALUES");
            q.getProject().getExprs().values().forEach(this::expr);
            if (q.hasHaving()) q.getHavingExprs().forEach(this::expr);
            element(q.getQueryPattern());
        }

        void element(Element e) {
            if (e == null) return;
            if (e instanceof ElementGroup g) g.getElements().forEach(this::element);
            else if (e instanceof ElementUnion u) u.getElements().forEach(this::element);
            else if (e instanceof ElementOptional o) element(o.getOptionalElement());
            else if (e instanceof ElementNamedGraph g) element(g.getElement());
            else if (e instanceof ElementLateral l) element(l.getLateralElement());
            else if (e instanceof ElementExists x) element(x.getElement());
            else if (e instanceof ElementNotExists x) element(x.getElement());
            else if (e instanceof ElementMinus m) {
                found.add("MINUS");
                element(m.getMinusElement());
            } else if (e instanceof ElementService s) {
                found.add("SERVICE");
                element(s.getElement());
            } else if (e instanceof ElementData) {
                found.add("VALUES");
            } else if (e instanceof ElementFilter f) {
                expr(f.getExpr());
            } else if (e instanceof ElementBind b) {
                if (b.getVar().equals(THIS)) found.add("BIND (... AS $this)");
                expr(b.getExpr());
            } else if (e instanceof ElementAssign a) {
                if (a.getVar().equals(THIS)) found.add("LET ($this := ...)");
                expr(a.getExpr());
            } else if (e instanceof ElementSubQuery s) {
                query(s.getQuery(), true);
            }
            // triple and path blocks hold nothing to check
        }

        void expr(Expr x) {
            if (x instanceof ExprFunctionOp op && op.getElement() != null) element(op.getElement());
            if (x instanceof ExprFunction f) f.getArgs().forEach(this::expr);
        }
    }
}
