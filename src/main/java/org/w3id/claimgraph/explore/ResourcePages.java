package org.w3id.claimgraph.explore;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.server.RdfAnswer;
import org.w3id.claimgraph.server.VaryHeader;

/**
 * Every IRI under {@code https://w3id.org/claimgraph/id/} answered at its path here ({@code /id/...}), by
 * content negotiation: a browser gets the explorer page for it; an RDF client gets its description (its own
 * triples and those of the nodes it owns: a claim's quotes, selectors, evidence and doses) as Turtle,
 * JSON-LD (also for {@code application/json}; its context inline), N-Triples or RDF/XML ({@link RdfAnswer}). A named
 * graph's IRI is described as a {@code void:Dataset}: its size, the dataset it belongs to, its dump and the SPARQL
 * endpoint. An IRI the graph says nothing about is a 404. Readable from any origin (CORS, as the other read endpoints).
 */
final class ResourcePages extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/id";
    private static final String HTML = "text/html";
    private static final String XHTML = "application/xhtml+xml";
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]+");

    private final transient GraphSource target;
    private final transient ExplorerPages pages;
    private final transient NamedQuery describe;

    /** @param describe the description of a resource (queries/explorer/describe.rq), bound to each IRI asked for */
    ResourcePages(GraphSource target, ExplorerPages pages, NamedQuery describe) {
        this.target = target;
        this.pages = pages;
        this.describe = describe;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || !SAFE_PATH.matcher(path).matches() || path.contains("//")) {
            resp.sendError(404, "not an IRI of the graph");
            return;
        }
        String iri = CG.ID + path.substring(1);
        Graph description = describe(NodeFactory.createURI(iri));
        VaryHeader.add(resp, "Accept");
        if (description.isEmpty()) {
            resp.sendError(404, "the graph says nothing about <" + iri + ">");
            return;
        }
        String type = RdfAnswer.negotiate(req.getHeader("Accept"), HTML, XHTML);
        if (type.equals(HTML) || type.equals(XHTML)) {
            pages.sendShell(resp);
            return;
        }
        resp.setHeader("Link", "<" + iri + ">; rel=\"canonical\"");
        description.getPrefixMapping().setNsPrefixes(describe.prefixes());
        if (description.contains(NodeFactory.createURI(iri), RDF.type.asNode(), VOID.Dataset.asNode())) {
            describeGraph(description, NodeFactory.createURI(iri), serverRoot(req));
        }
        RdfAnswer.send(type, req, resp, description);
    }

    /** Where a named graph belongs and where it can be had: the dataset's VoID, its dump, the SPARQL endpoint. */
    private static void describeGraph(Graph description, Node graph, String root) {
        description.add(graph, VOID.inDataset.asNode(), NodeFactory.createURI(root + ".well-known/void#dataset"));
        description.add(graph, VOID.dataDump.asNode(), NodeFactory.createURI(root + "kg/get?graph="
                + URLEncoder.encode(graph.getURI(), StandardCharsets.UTF_8)));
        description.add(graph, VOID.sparqlEndpoint.asNode(), NodeFactory.createURI(root + "kg/sparql"));
    }

    /** The server's own root URL as the client addressed it, ending in /. */
    private static String serverRoot(HttpServletRequest req) {
        String url = req.getRequestURL().toString();
        return url.substring(0, url.length() - req.getRequestURI().length()) + req.getContextPath() + "/";
    }

    private Graph describe(Node iri) {
        RowSetRewindable rows = target.select(describe.bind(Map.of("resource", iri.getURI())));
        Graph graph = GraphFactory.createDefaultGraph();
        rows.forEachRemaining(row -> graph.add(row.get("s"), row.get("p"), row.get("o")));
        return graph;
    }
}
