package org.w3id.claimgraph.server;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.VOID;

/**
 * The VoID description of the dataset at {@value #PATH}: the fixed part from {@code server/void.ttl} (the SPARQL
 * endpoint, the dump, the URI space), read with the request's URL as base, and what was counted when the server
 * started ({@link DatasetSummary}): triples, claims, documents, vocabularies. Written as the client asks ({@link RdfAnswer}).
 * A server over a SPARQL endpoint has no dump ({@code /kg/get}), so its description names none.
 */
final class DatasetDescription extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/.well-known/void";
    private static final String TEMPLATE = Resources.text("server/void.ttl");

    private final transient DatasetSummary summary;
    private final boolean dump;

    /** @param dump whether the server has the dump {@code /kg/get} that the template names */
    DatasetDescription(DatasetSummary summary, boolean dump) {
        this.summary = summary;
        this.dump = dump;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        RdfAnswer.send(req, resp, describe(req.getRequestURL().toString()));
    }

    Graph describe(String url) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(TEMPLATE, Lang.TURTLE).base(url).parse(graph);
        Node dataset = NodeFactory.createURI(url + "#dataset");
        if (!dump) graph.remove(dataset, VOID.dataDump.asNode(), Node.ANY);
        graph.add(dataset, VOID.triples.asNode(), count(summary.triples()));
        graph.add(NodeFactory.createURI(url + "#claims"), VOID.entities.asNode(), count(summary.claims()));
        graph.add(NodeFactory.createURI(url + "#documents"), VOID.entities.asNode(), count(summary.documents()));
        summary.vocabularies().forEach(ns -> graph.add(dataset, VOID.vocabulary.asNode(), NodeFactory.createURI(ns)));
        return graph;
    }

    private static Node count(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
