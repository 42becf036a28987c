package org.w3id.claimgraph.derive;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;

/**
 * SPARQL held in RDF the way SHACL writes it: a node with {@code sh:select} or {@code sh:construct} and
 * {@code sh:prefixes} pointing at nodes that {@code sh:declare} prefix and namespace pairs. Used for the
 * conditions of grading.ttl, the queries of derivation.ttl and the constraints of rules.ttl.
 */
public final class SparqlExecutables {
    public static final String SH = "http://www.w3.org/ns/shacl#";
    public static final Node SELECT = sh("select");
    public static final Node CONSTRUCT = sh("construct");
    private static final Node PREFIXES = sh("prefixes");
    private static final Node DECLARE = sh("declare");
    private static final Node PREFIX = sh("prefix");
    private static final Node NAMESPACE = sh("namespace");

    private SparqlExecutables() {}

    /** The PREFIX lines the executable's sh:prefixes declare, one a line. */
    public static String prologue(Graph graph, Node executable) {
        StringBuilder prologue = new StringBuilder();
        for (Node prefixes : objects(graph, executable, PREFIXES)) {
            for (Node declaration : objects(graph, prefixes, DECLARE)) {
                Node prefix = single(graph, declaration, PREFIX);
                Node namespace = single(graph, declaration, NAMESPACE);
                if (prefix != null && namespace != null && prefix.isLiteral() && namespace.isLiteral()) {
                    prologue.append("PREFIX ").append(prefix.getLiteralLexicalForm()).append(": <")
                            .append(namespace.getLiteralLexicalForm()).append(">\n");
                }
            }
        }
        return prologue.toString();
    }

    /**
     * The query of an executable: its {@code textProperty} (sh:select or sh:construct) with its prefixes.
     *
     * @param owner names the resource in errors
     * @throws DerivationException when the text is missing or does not parse
     */
    public static Query read(Graph graph, Node executable, Node textProperty, String owner) {
        Node text = single(graph, executable, textProperty);
        if (text == null || !text.isLiteral()) {
            throw new DerivationException(owner + ": a condition needs exactly one " + textProperty.getLocalName() + " text");
        }
        String prologue = prologue(graph, executable);
        try {
            return QueryFactory.create(prologue + text.getLiteralLexicalForm());
        } catch (QueryParseException e) {
            long lines = prologue.chars().filter(c -> c == '\n').count();
            throw new DerivationException(owner + ": its query does not parse (query line " + (e.getLine() - lines)
                    + ", column " + e.getColumn() + "): " + e.getMessage(), e);
        }
    }

    static List<Node> objects(Graph graph, Node subject, Node property) {
        return graph.find(subject, property, Node.ANY).mapWith(Triple::getObject).toList();
    }

    static Node single(Graph graph, Node subject, Node property) {
        List<Node> values = objects(graph, subject, property);
        return values.size() == 1 ? values.get(0) : null;
    }

    private static Node sh(String local) {
        return NodeFactory.createURI(SH + local);
    }
}
