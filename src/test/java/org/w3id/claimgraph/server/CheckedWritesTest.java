package org.w3id.claimgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.GraphNames;

/**
 * Issue 20, defect 8: a write stores what it says or is refused with 4xx; ill-typed literals are refused; and
 * a checked write reads what it touches, not the whole dataset (which it copied before: on 100,000 claims one
 * write took 155 s and 4 GB). The dataset here counts every quad read from it.
 */
class CheckedWritesTest {
    private static final String AUTH = Http.basic("curator", "secret");
    private static final String CLAIM = "https://w3id.org/claimgraph/id/claim/003-001";
    private static final String PREFIXES = Seed.PREFIXES + "PREFIX oa: <http://www.w3.org/ns/oa#> ";

    @TempDir
    static Path dir;
    private static CountingDataset dataset;
    private static long size;
    private static ClaimServer server;

    @BeforeAll
    static void start() throws IOException {
        Path users = Files.writeString(dir.resolve("users"), "curator: secret\n");
        dataset = new CountingDataset(Seed.copy());
        size = Txn.calculateRead(dataset, () -> dataset.stream().count());
        server = ClaimServer.builder().dataset(dataset).port(0).updateUsers(users).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void quadsInNamedGraphsAreRefusedNotDropped() {
        String graph = GraphNames.BASE + "quads-test";
        HttpResponse<String> nquads = put(graph, "application/n-quads", "<urn:example:s> <urn:example:p> \"o\" <urn:example:g> .\n");
        assertEquals(400, nquads.statusCode(), nquads.body());
        assertTrue(nquads.body().contains("1 quad(s) in named graphs"), nquads.body());
        HttpResponse<String> trig = put(graph, "application/trig", "<urn:example:g> { <urn:example:s> <urn:example:p> \"o\" }");
        assertEquals(400, trig.statusCode(), trig.body());
        assertEquals(404, Http.get(server.graphStoreUrl() + "?graph=" + Http.enc(graph), "text/turtle").statusCode(), "nothing stored");

        HttpResponse<String> defaultGraphOnly = put(graph, "application/n-quads", "<urn:example:s> <urn:example:p> \"o\" .\n");
        assertEquals(201, defaultGraphOnly.statusCode(), defaultGraphOnly.body());
        HttpResponse<String> stored = Http.get(server.graphStoreUrl() + "?graph=" + Http.enc(graph), "application/n-triples");
        assertEquals("<urn:example:s> <urn:example:p> \"o\" .", stored.body().strip(), "triples in the default graph are the graph's");
        assertEquals(204, Http.send(Http.request(server.url() + "kg/data?graph=" + Http.enc(graph)).header("Authorization", AUTH).DELETE()).statusCode());
    }

    @Test
    void illTypedLiteralsAreRefused() {
        String graph = GraphNames.BASE + "literal-test";
        HttpResponse<String> update = update("INSERT DATA { GRAPH <" + graph + "> { <urn:example:s> <urn:example:p>"
                + " \"abc\"^^<http://www.w3.org/2001/XMLSchema#integer> } }");
        assertEquals(400, update.statusCode(), update.body());
        assertTrue(update.body().contains("\"abc\"^^xsd:integer is not a valid xsd:integer"), update.body());
        HttpResponse<String> gsp = put(graph, "text/turtle", "<urn:example:s> <urn:example:p> \"2020-13-45\"^^<http://www.w3.org/2001/XMLSchema#date> .");
        assertEquals(400, gsp.statusCode(), gsp.body());
        assertEquals(404, Http.get(server.graphStoreUrl() + "?graph=" + Http.enc(graph), "text/turtle").statusCode());
    }

    @Test
    void aWriteReadsWhatItTouchesNotTheWholeDataset() {
        dataset.read.set(0);
        HttpResponse<String> write = update("INSERT DATA { GRAPH <" + GraphNames.DOCUMENTS + "> { <" + Seed.DOCUMENT_002
                + "> <http://www.w3.org/2000/01/rdf-schema#comment> \"Checked.\" } }");
        assertEquals(204, write.statusCode(), write.body());
        long read = dataset.read.get();
        assertTrue(read < size / 10, "one comment read " + read + " of the " + size + " quads");
    }

    @Test
    void aChangeTheShapesReadFromAnotherNodeIsCheckedThere() {
        String evidence = first("SELECT ?e { <" + CLAIM + "> cg:evidence ?e }");
        HttpResponse<String> untyped = update(PREFIXES + "DELETE WHERE { GRAPH ?g { <" + evidence + "> a ?type } }");
        assertEquals(400, untyped.statusCode(), "the claim's evidence must stay evidence: " + untyped.body());
        assertTrue(untyped.body().contains("<" + CLAIM + ">"), untyped.body());

        String quote = first("SELECT ?q { <" + CLAIM + "> cg:quote ?q }");
        String otherDocument = first("SELECT ?d { ?d a cg:SourceDocument FILTER NOT EXISTS { <" + CLAIM + "> cg:statedIn ?d } } LIMIT 1");
        HttpResponse<String> moved = update(PREFIXES + "DELETE { GRAPH ?g { <" + quote + "> oa:hasSource ?d } }"
                + " INSERT { GRAPH ?g { <" + quote + "> oa:hasSource <" + otherDocument + "> } }"
                + " WHERE { GRAPH ?g { <" + quote + "> oa:hasSource ?d } }");
        assertEquals(400, moved.statusCode(), "a quote moved to another document breaks its claim: " + moved.body());
        assertTrue(moved.body().contains("comes from a different document"), moved.body());
    }

    private static String first(String select) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(GraphSource.unionView(dataset.getWrapped())))
                    .query(PREFIXES + select).build()) {
                return qe.execSelect().next().get(qe.getQuery().getResultVars().get(0)).asNode().getURI();
            }
        });
    }

    private static HttpResponse<String> update(String update) {
        return Http.send(Http.request(server.url() + "kg/update").header("Authorization", AUTH)
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(update)));
    }

    private static HttpResponse<String> put(String graph, String contentType, String body) {
        return Http.send(Http.request(server.url() + "kg/data?graph=" + Http.enc(graph)).header("Authorization", AUTH)
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The dataset, counting the quads anything reads from it. */
    private static final class CountingDataset extends DatasetGraphWrapper {
        final AtomicLong read = new AtomicLong();

        CountingDataset(DatasetGraph dsg) {
            super(dsg);
        }

        private Iterator<Quad> counted(Iterator<Quad> it) {
            return Iter.iter(it).map(q -> {
                read.incrementAndGet();
                return q;
            });
        }

        @Override
        public Iterator<Quad> find() {
            return counted(super.find());
        }

        @Override
        public Iterator<Quad> find(Quad quad) {
            return counted(super.find(quad));
        }

        @Override
        public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
            return counted(super.find(g, s, p, o));
        }

        @Override
        public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
            return counted(super.findNG(g, s, p, o));
        }
    }
}
