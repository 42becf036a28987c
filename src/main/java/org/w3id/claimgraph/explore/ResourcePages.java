package org.w3id.claimgraph.explore;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.project.CG;

/**
 * Every IRI under {@code https://w3id.org/claimgraph/id/} answered at its path here ({@code /id/...}), by
 * content negotiation: a browser gets the explorer page for it; an RDF client gets its description (its own
 * triples and those of the nodes it owns: a claim's quotes, selectors, evidence and doses) as Turtle,
 * JSON-LD, N-Triples or RDF/XML. An IRI the graph says nothing about is a 404.
 */
final class ResourcePages extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/id";
    private static final String HTML = "text/html";
    /** Turtle first: a client that accepts anything (curl) gets data; browsers ask for HTML by name. */
    private static final Map<String, RDFFormat> FORMATS = Map.of(
            "text/turtle", RDFFormat.TURTLE_PRETTY,
            "application/ld+json", RDFFormat.JSONLD11_PRETTY,
            "application/n-triples", RDFFormat.NTRIPLES,
            "application/rdf+xml", RDFFormat.RDFXML_PRETTY);
    private static final AcceptList OFFERED = AcceptList.create("text/turtle", HTML, "application/xhtml+xml",
            "application/ld+json", "application/n-triples", "application/rdf+xml");
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
        resp.setHeader("Vary", "Accept");
        if (description.isEmpty()) {
            resp.sendError(404, "the graph says nothing about <" + iri + ">");
            return;
        }
        String type = negotiate(req.getHeader("Accept"));
        if (type.equals(HTML) || type.equals("application/xhtml+xml")) {
            pages.sendShell(resp);
            return;
        }
        resp.setStatus(200);
        resp.setContentType(type);
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Link", "<" + iri + ">; rel=\"canonical\"");
        OutputStream out = resp.getOutputStream();
        description.getPrefixMapping().setNsPrefixes(describe.prefixes());
        RDFDataMgr.write(out, description, FORMATS.get(type));
        out.flush();
    }

    static String negotiate(String accept) {
        if (accept == null || accept.isBlank()) return "text/turtle";
        try {
            MediaType chosen = AcceptList.match(new AcceptList(accept), OFFERED);
            return chosen == null ? "text/turtle" : chosen.getContentTypeStr();
        } catch (RuntimeException e) {
            return "text/turtle";
        }
    }

    private Graph describe(Node iri) {
        RowSetRewindable rows = target.select(describe.bind(Map.of("resource", iri.getURI())));
        Graph graph = GraphFactory.createDefaultGraph();
        rows.forEachRemaining(row -> graph.add(row.get("s"), row.get("p"), row.get("o")));
        return graph;
    }
}
