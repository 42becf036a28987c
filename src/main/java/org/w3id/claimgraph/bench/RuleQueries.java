package org.w3id.claimgraph.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;

/**
 * The validation rules of ontology/rules.ttl as one SELECT each over all claims: the rule's SHACL-SPARQL
 * constraint with {@code $this} left unbound, which the rules are written to allow. One query per rule, not
 * one per claim, is what makes validation linear in the graph.
 */
record RuleQueries(List<RuleQuery> rules) {
    private static final String SH = "http://www.w3.org/ns/shacl#";

    record RuleQuery(String id, Query query) {}

    static RuleQueries read(Path rulesFile) {
        Graph g = RDFDataMgr.loadGraph(rulesFile.toString());
        StringBuilder prologue = new StringBuilder();
        g.find(Node.ANY, sh("declare"), Node.ANY).forEachRemaining(t -> {
            Node decl = t.getObject();
            String prefix = string(g, decl, sh("prefix"));
            String ns = string(g, decl, sh("namespace"));
            if (prefix != null && ns != null) prologue.append("PREFIX ").append(prefix).append(": <").append(ns).append(">\n");
        });
        List<RuleQuery> rules = new ArrayList<>();
        g.find(Node.ANY, sh("sparql"), Node.ANY).forEachRemaining(t -> {
            String select = string(g, t.getObject(), sh("select"));
            String id = string(g, t.getSubject(), SKOS.notation.asNode());
            if (select == null || id == null) return;
            rules.add(new RuleQuery(id, QueryFactory.create(prologue + select)));
        });
        rules.sort((a, b) -> a.id().compareTo(b.id()));
        return new RuleQueries(rules);
    }

    private static String string(Graph g, Node s, Node p) {
        var found = g.find(s, p, Node.ANY).toList();
        return found.size() == 1 && found.get(0).getObject().isLiteral() ? found.get(0).getObject().getLiteralLexicalForm() : null;
    }

    private static Node sh(String local) {
        return NodeFactory.createURI(SH + local);
    }
}
