package org.w3id.claimgraph.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/**
 * A graph sent as the client asks by {@code Accept}, written by Jena's writers: Turtle (also for a client that
 * accepts anything or names no RDF format), JSON-LD with its context inline (for {@code application/ld+json} and
 * for plain {@code application/json}; nothing remote), N-Triples or RDF/XML. Every answer says {@code Vary: Accept}.
 */
public final class RdfAnswer {
    public static final String TURTLE = "text/turtle";
    private static final Map<String, RDFFormat> FORMATS = Map.of(
            TURTLE, RDFFormat.TURTLE_PRETTY,
            "application/ld+json", RDFFormat.JSONLD11_PRETTY,
            "application/json", RDFFormat.JSONLD11_PRETTY,
            "application/n-triples", RDFFormat.NTRIPLES,
            "application/rdf+xml", RDFFormat.RDFXML_PRETTY);
    private static final String OFFERED = "text/turtle, application/ld+json, application/json, application/n-triples, application/rdf+xml";

    private RdfAnswer() {}

    /**
     * The media type to answer {@code accept} with, of {@code extra} (offered after Turtle, e.g. HTML for a page)
     * and the RDF formats; Turtle when the header is missing, malformed or names none of them.
     */
    public static String negotiate(String accept, String... extra) {
        if (accept == null || accept.isBlank()) return TURTLE;
        StringBuilder offer = new StringBuilder(TURTLE);
        for (String type : extra) offer.append(", ").append(type);
        offer.append(", ").append(OFFERED.substring(TURTLE.length() + 2));
        try {
            MediaType chosen = AcceptList.match(new AcceptList(accept), new AcceptList(offer.toString()));
            return chosen == null ? TURTLE : chosen.getContentTypeStr();
        } catch (RuntimeException e) {
            return TURTLE;
        }
    }

    /** Writes {@code graph} with status 200 in the format {@code request} accepts. */
    public static void send(HttpServletRequest request, HttpServletResponse response, Graph graph) throws IOException {
        send(negotiate(request.getHeader("Accept")), request, response, graph);
    }

    /** Writes {@code graph} with status 200 as {@code type}, one of the RDF types {@link #negotiate} chooses. */
    public static void send(String type, HttpServletRequest request, HttpServletResponse response, Graph graph) throws IOException {
        RDFFormat format = FORMATS.get(type);
        if (format == null) throw new IllegalArgumentException("not an RDF media type offered: " + type);
        response.setStatus(200);
        VaryHeader.add(response, "Accept");
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        if ("HEAD".equals(request.getMethod())) return;
        OutputStream out = response.getOutputStream();
        RDFDataMgr.write(out, graph, format);
        out.flush();
    }
}
