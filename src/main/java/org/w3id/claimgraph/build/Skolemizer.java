package org.w3id.claimgraph.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.claimgraph.project.BuildProblem;
import org.w3id.claimgraph.project.Sha256;

/**
 * Gives every blank node of curated data a stable IRI below the resource it hangs from:
 * {@code <parent>/<property local name>/<hash of its content>}. Stable names let the explorer link to
 * an evidence node and let a later edit of one evidence node leave the others' IRIs alone.
 */
final class Skolemizer {
    private final Graph graph;
    private final String file;
    private final List<BuildProblem> problems;
    private final Map<Node, Node> names = new HashMap<>();
    private final Map<Node, String> hashes = new HashMap<>();

    private Skolemizer(Graph graph, String file, List<BuildProblem> problems) {
        this.graph = graph;
        this.file = file;
        this.problems = problems;
    }

    /** Returns a copy of the graph without blank nodes; problems are added for blank nodes it cannot name. */
    static Graph skolemize(Graph graph, String file, List<BuildProblem> problems) {
        return new Skolemizer(graph, file, problems).run();
    }

    private Graph run() {
        List<Triple> triples = graph.find().toList();
        Map<Node, List<Triple>> parents = new HashMap<>();
        for (Triple t : triples) {
            if (t.getObject().isBlank()) parents.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(t);
        }
        for (Triple t : triples) {
            Node s = t.getSubject();
            if (s.isBlank() && !parents.containsKey(s) && !names.containsKey(s)) {
                problems.add(BuildProblem.inFile(file, "a blank node must hang from a named resource (it has "
                        + t.getPredicate().getLocalName() + " " + show(t.getObject()) + ")"));
                names.put(s, s);
            }
        }
        for (Map.Entry<Node, List<Triple>> e : parents.entrySet()) {
            if (e.getValue().size() > 1) {
                problems.add(BuildProblem.inFile(file, "a blank node is used " + e.getValue().size()
                        + " times; give it an IRI (it hangs from " + show(e.getValue().get(0).getSubject()) + ")"));
            }
        }
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping());
        for (Triple t : triples) {
            out.add(Triple.create(name(t.getSubject(), parents), t.getPredicate(), name(t.getObject(), parents)));
        }
        return out;
    }

    private Node name(Node node, Map<Node, List<Triple>> parents) {
        if (!node.isBlank()) return node;
        Node known = names.get(node);
        if (known != null) return known;
        List<Triple> incoming = parents.get(node);
        if (incoming == null) return node;
        Triple from = incoming.get(0);
        Node parent = name(from.getSubject(), parents);
        if (parent.isBlank()) return node;
        Node iri = NodeFactory.createURI(parent.getURI() + "/" + from.getPredicate().getLocalName() + "/" + hash(node));
        names.put(node, iri);
        return iri;
    }

    /** A content hash: the sorted property-value pairs of the node, nested blank nodes by their own hash. */
    private String hash(Node node) {
        String known = hashes.get(node);
        if (known != null) return known;
        hashes.put(node, "cycle");
        List<String> parts = new ArrayList<>();
        graph.find(node, Node.ANY, Node.ANY).forEach(t -> {
            Node o = t.getObject();
            parts.add(t.getPredicate().getURI() + " " + (o.isBlank() ? "_:" + hash(o) : o.toString()));
        });
        parts.sort(null);
        String digest = Sha256.hex(String.join("\n", parts)).substring(0, 8);
        hashes.put(node, digest);
        return digest;
    }

    private static String show(Node n) {
        return n.isURI() ? "<" + n.getURI() + ">" : n.toString();
    }
}
