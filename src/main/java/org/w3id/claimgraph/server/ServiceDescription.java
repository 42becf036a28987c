package org.w3id.claimgraph.server;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;

/**
 * The SPARQL 1.1 Service Description of a query endpoint, answered to a GET (or HEAD) on it without a
 * {@code query} parameter, as the Service Description specification asks: the language, the result formats, the
 * union default graph ({@code sd:UnionDefaultGraph}) and one {@code sd:namedGraph} per named graph. The fixed part
 * is {@code server/service-description.ttl}, read with the endpoint's own URL as its base; the named graphs are
 * listed at each request, since an update may add one. Written by Jena's writers in the format the client accepts
 * ({@link RdfAnswer}).
 */
final class ServiceDescription implements Filter {
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final Node NAMED_GRAPH = NodeFactory.createURI(SD + "namedGraph");
    private static final Node NAMED_GRAPH_CLASS = NodeFactory.createURI(SD + "NamedGraph");
    private static final Node NAME = NodeFactory.createURI(SD + "name");
    private static final String TEMPLATE = Resources.text("server/service-description.ttl");

    private final DatasetGraph dataset;

    /** @param dataset the served dataset, whose named graphs the description lists */
    ServiceDescription(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!read || request.getParameter("query") != null) {
            chain.doFilter(req, res);
            return;
        }
        RdfAnswer.send(request, (HttpServletResponse) res, describe(request.getRequestURL().toString()));
    }

    /** The description of the endpoint at {@code endpoint} (its absolute URL). */
    Graph describe(String endpoint) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(TEMPLATE, Lang.TURTLE).base(endpoint).parse(graph);
        Node dataset = NodeFactory.createURI(endpoint + "#dataset");
        Txn.executeRead(this.dataset, () -> this.dataset.listGraphNodes().forEachRemaining(name -> {
            Node named = NodeFactory.createBlankNode();
            graph.add(dataset, NAMED_GRAPH, named);
            graph.add(named, RDF.type.asNode(), NAMED_GRAPH_CLASS);
            graph.add(named, NAME, name);
        }));
        return graph;
    }
}
