package org.w3id.claimgraph.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.claimgraph.project.BuildFailure;
import org.w3id.claimgraph.project.BuildProblem;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.project.StrictRdfReader;
import org.w3id.claimgraph.project.CG;

/**
 * The rules of ontology/rules.ttl, read and checked: every cg:Rule needs an id, a label, a definition,
 * a severity, one target class and one SPARQL constraint with a message and a SELECT that parses and
 * returns {@code $this}. A rules file that breaks any of this fails like a bad seed (exit 1), naming
 * the file and the rule.
 */
public final class RuleSet {
    public static final String FILE_NAME = "rules.ttl";
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final Node SH_SEVERITY = sh("severity");
    private static final Node SH_TARGET_CLASS = sh("targetClass");
    private static final Node SH_SPARQL = sh("sparql");
    private static final Node SH_MESSAGE = sh("message");
    private static final Node SH_SELECT = sh("select");
    private static final Node SH_PREFIXES = sh("prefixes");
    private static final Node SH_DECLARE = sh("declare");
    private static final Node SH_PREFIX = sh("prefix");
    private static final Node SH_NAMESPACE = sh("namespace");
    private static final Node RULE = CG.cg("Rule");
    private static final Node RANK = CG.cg("rank");

    private final Graph graph;
    private final Map<String, Rule> rules;

    private RuleSet(Graph graph, List<Rule> rules) {
        this.graph = graph;
        this.rules = new LinkedHashMap<>();
        rules.forEach(r -> this.rules.put(r.id(), r));
    }

    /** Reads ontology/rules.ttl of the project. */
    public static RuleSet load(ProjectLayout layout) {
        Path file = layout.ontologyDir().resolve(FILE_NAME);
        Graph graph = new StrictRdfReader(layout).readGraph(file);
        return read(graph, layout.display(file));
    }

    /** Reads the rules of a parsed rules graph; {@code shown} names its file in problems. */
    public static RuleSet read(Graph graph, String shown) {
        List<BuildProblem> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (Node iri : graph.find(Node.ANY, RDF.type.asNode(), RULE).mapWith(Triple::getSubject).toList()) {
            Rule rule = new RuleReader(graph, iri, shown, problems).read();
            if (rule != null) rules.add(rule);
        }
        Map<String, List<Rule>> byId = rules.stream().collect(Collectors.groupingBy(Rule::id));
        byId.forEach((id, same) -> {
            if (same.size() > 1) problems.add(BuildProblem.forNode(shown, same.get(1).iri().getURI(), "rule id '" + id + "' is used more than once"));
        });
        if (rules.isEmpty() && problems.isEmpty()) problems.add(BuildProblem.inFile(shown, "no rules (nothing typed cg:Rule)"));
        if (!problems.isEmpty()) throw new BuildFailure(problems);
        rules.sort(Comparator.comparingInt(Rule::order).thenComparing(Rule::id));
        return new RuleSet(graph, rules);
    }

    /** The rules graph as read: the SHACL shapes graph for an engine that runs the shapes directly. */
    public Graph graph() {
        return graph;
    }

    /** A shapes graph in which only the given rules have targets, so a SHACL engine runs only them. */
    public Graph shapesGraph(Collection<Rule> selected) {
        Graph copy = GraphFactory.createDefaultGraph();
        copy.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping());
        List<Node> keep = selected.stream().map(Rule::iri).toList();
        graph.find().forEachRemaining(t -> {
            boolean target = t.getPredicate().equals(SH_TARGET_CLASS);
            if (!target || keep.contains(t.getSubject())) copy.add(t);
        });
        return copy;
    }

    public List<Rule> all() {
        return List.copyOf(rules.values());
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public Optional<Rule> byIri(Node iri) {
        return rules.values().stream().filter(r -> r.iri().equals(iri)).findFirst();
    }

    /** The rules with the given ids, in report order; an unknown id is a usage error naming the known ones. */
    public List<Rule> select(Collection<String> ids) {
        if (ids.isEmpty()) return all();
        List<String> unknown = ids.stream().filter(id -> !rules.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new InputException("unknown rule " + String.join(", ", unknown) + " (rules: " + String.join(", ", rules.keySet()) + ")");
        }
        return rules.values().stream().filter(r -> ids.contains(r.id())).toList();
    }

    private static Node sh(String local) {
        return NodeFactory.createURI(SH + local);
    }

    /** Reads one rule, adding a problem for each thing missing. */
    private static final class RuleReader {
        private final Graph graph;
        private final Node iri;
        private final String shown;
        private final List<BuildProblem> problems;

        RuleReader(Graph graph, Node iri, String shown, List<BuildProblem> problems) {
            this.graph = graph;
            this.iri = iri;
            this.shown = shown;
            this.problems = problems;
        }

        Rule read() {
            if (!iri.isURI()) {
                problems.add(BuildProblem.inFile(shown, "a rule must have an IRI, not a blank node"));
                return null;
            }
            int before = problems.size();
            String id = literal(iri, SKOS.notation.asNode(), "an id (skos:notation)");
            String label = literal(iri, SKOS.prefLabel.asNode(), "a label (skos:prefLabel)");
            String definition = literal(iri, SKOS.definition.asNode(), "a definition (skos:definition)");
            Node rank = one(iri, RANK, "an order (cg:rank)");
            Node severityNode = one(iri, SH_SEVERITY, "a severity (sh:severity)");
            Node target = one(iri, SH_TARGET_CLASS, "a target class (sh:targetClass)");
            Node constraint = one(iri, SH_SPARQL, "a SPARQL constraint (sh:sparql)");
            Severity severity = null;
            if (severityNode != null) {
                severity = Severity.fromIri(severityNode).orElse(null);
                if (severity == null) problem("sh:severity must be sh:Violation, sh:Warning or sh:Info, not " + severityNode);
            }
            int order = 0;
            if (rank != null) {
                if (rank.isLiteral() && rank.getLiteralValue() instanceof Number n) order = n.intValue();
                else problem("cg:rank must be an integer");
            }
            String message = null;
            Query select = null;
            if (constraint != null) {
                message = literal(constraint, SH_MESSAGE, "a message template (sh:message on its constraint)");
                String text = literal(constraint, SH_SELECT, "a query (sh:select on its constraint)");
                if (text != null) select = parse(constraint, text, id);
            }
            if (problems.size() > before) return null;
            return new Rule(iri, id, order, label, definition, severity, message, select, target);
        }

        private Query parse(Node constraint, String text, String id) {
            StringBuilder prologue = new StringBuilder();
            for (Node prefixes : graph.find(constraint, SH_PREFIXES, Node.ANY).mapWith(Triple::getObject).toList()) {
                for (Node declaration : graph.find(prefixes, SH_DECLARE, Node.ANY).mapWith(Triple::getObject).toList()) {
                    String prefix = literal(declaration, SH_PREFIX, "a prefix (sh:prefix)");
                    String namespace = literal(declaration, SH_NAMESPACE, "a namespace (sh:namespace)");
                    if (prefix != null && namespace != null) prologue.append("PREFIX ").append(prefix).append(": <").append(namespace).append(">\n");
                }
            }
            Query query;
            try {
                query = QueryFactory.create(prologue + text);
            } catch (QueryParseException e) {
                long lines = prologue.chars().filter(c -> c == '\n').count();
                problem("rule " + id + ": its query does not parse (query line " + (e.getLine() - lines) + ", column "
                        + e.getColumn() + "): " + e.getMessage());
                return null;
            }
            if (!query.isSelectType()) {
                problem("rule " + id + ": its query must be a SELECT");
                return null;
            }
            if (!query.getProjectVars().contains(Rule.THIS)) {
                problem("rule " + id + ": its query must return $this");
                return null;
            }
            return query;
        }

        private String literal(Node subject, Node property, String what) {
            Node value = one(subject, property, what);
            if (value == null) return null;
            if (!value.isLiteral()) {
                problem(what + " must be a literal");
                return null;
            }
            return value.getLiteralLexicalForm();
        }

        private Node one(Node subject, Node property, String what) {
            List<Node> values = graph.find(subject, property, Node.ANY).mapWith(Triple::getObject).toList();
            if (values.size() != 1) {
                String bare = what.replaceFirst("^an? ", "");
                problem(values.isEmpty() ? "the rule has no " + bare : "the rule has more than one " + bare);
                return null;
            }
            return values.get(0);
        }

        private void problem(String message) {
            problems.add(BuildProblem.forNode(shown, iri.getURI(), message));
        }
    }
}
