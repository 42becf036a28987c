package org.w3id.claimgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.api.QueryApiServlet;
import org.w3id.claimgraph.project.GraphNames;

/** The read side over real HTTP: every query result format, GET and POST, both endpoints, GSP reads. */
class ServeQueryTest {
    private static final Node DOC = NodeFactory.createURI(Seed.DOCUMENT_002);
    private static final Node TITLE = NodeFactory.createURI("http://purl.org/dc/terms/title");
    private static final Triple TITLE_TRIPLE = Triple.create(DOC, TITLE, NodeFactory.createLiteralString(Seed.TITLE_002));
    private static final String TITLES = Seed.PREFIXES
            + "SELECT ?doc ?title WHERE { ?doc a cg:SourceDocument ; dcterms:title ?title } ORDER BY ?doc";
    private static final String CONSTRUCT = Seed.PREFIXES
            + "CONSTRUCT { ?doc dcterms:title ?title } WHERE { ?doc a cg:SourceDocument ; dcterms:title ?title }";

    private static DatasetGraph dataset;
    private static ClaimServer server;

    @BeforeAll
    static void start() {
        dataset = Seed.copy();
        server = ClaimServer.builder().dataset(dataset).port(0)
                .addServlet("/api/*", new QueryApiServlet(QueryLibrary.load(ProjectLayout.locate()), GraphSource.of(dataset, "the seed graph")))
                .corsPath("/api/*")
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest(name = "SELECT as {0}")
    @CsvSource({
            "application/sparql-results+json, RS_JSON",
            "application/sparql-results+xml, RS_XML",
            "text/csv, RS_CSV",
            "text/tab-separated-values, RS_TSV"})
    void selectInEveryResultFormat(String mediaType, String lang) {
        HttpResponse<String> response = Http.query(server.sparqlUrl(), TITLES, mediaType);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(mediaType));
        ResultSet rows = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)), resultLang(lang));
        List<String> titles = new ArrayList<>();
        rows.forEachRemaining(row -> titles.add(row.get("title").asLiteral().getLexicalForm()));
        assertEquals(Seed.DOCUMENTS, titles.size());
        assertTrue(titles.contains(Seed.TITLE_002), titles::toString);
    }

    @ParameterizedTest(name = "CONSTRUCT as {0}")
    @CsvSource({"text/turtle, TURTLE", "application/n-triples, NTRIPLES", "application/ld+json, JSONLD", "application/trig, TRIG"})
    void constructInEveryGraphFormat(String mediaType, String lang) {
        HttpResponse<String> response = Http.query(server.sparqlUrl(), CONSTRUCT, mediaType);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(mediaType));
        Graph graph = RDFParser.fromString(response.body(), rdfLang(lang)).toDatasetGraph().getDefaultGraph();
        assertEquals(Seed.DOCUMENTS, graph.size());
        assertTrue(graph.contains(TITLE_TRIPLE));
    }

    @ParameterizedTest(name = "DESCRIBE as {0}")
    @CsvSource({"text/turtle, TURTLE", "application/n-triples, NTRIPLES", "application/ld+json, JSONLD", "application/trig, TRIG"})
    void describeInEveryGraphFormat(String mediaType, String lang) {
        HttpResponse<String> response = Http.query(server.sparqlUrl(), "DESCRIBE <" + Seed.DOCUMENT_002 + ">", mediaType);
        assertEquals(200, response.statusCode(), response.body());
        Graph graph = RDFParser.fromString(response.body(), rdfLang(lang)).toDatasetGraph().getDefaultGraph();
        assertTrue(graph.contains(TITLE_TRIPLE));
    }

    @Test
    void getAndPostOnBothEndpoints() {
        String count = Seed.PREFIXES + "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a cg:SourceDocument }";
        String csv = "text/csv";
        for (String endpoint : List.of(server.sparqlUrl(), server.url() + "kg/query")) {
            List<HttpResponse<String>> responses = List.of(
                    Http.query(endpoint, count, csv),
                    Http.postForm(endpoint, "query=" + Http.enc(count), csv),
                    Http.send(Http.request(endpoint).header("Accept", csv).header("Content-Type", "application/sparql-query")
                            .POST(HttpRequest.BodyPublishers.ofString(count))));
            for (HttpResponse<String> r : responses) {
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("n\r\n" + Seed.DOCUMENTS + "\r\n", r.body());
            }
        }
    }

    @Test
    void jenaClientSeesEveryClaimAndDocument() {
        Query claims = QueryFactory.create(Seed.PREFIXES + "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a cg:Claim }");
        long expectedClaims = Txn.calculateRead(dataset, () -> {
            try (QueryExec qe = QueryExec.dataset(GraphSource.unionView(dataset)).query(claims).build()) {
                return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
            }
        });
        try (QueryExecHTTP qe = QueryExecHTTP.service(server.sparqlUrl()).query(claims).build()) {
            assertEquals(expectedClaims, Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm()));
        }
        try (QueryExecHTTP qe = QueryExecHTTP.service(server.sparqlUrl()).query(TITLES).build()) {
            RowSet rows = qe.select();
            Set<String> docs = new TreeSet<>();
            rows.forEachRemaining(b -> docs.add(b.get("doc").getURI()));
            assertEquals(Seed.DOCUMENTS, docs.size());
            assertTrue(docs.contains(Seed.DOCUMENT_002));
        }
        try (QueryExecHTTP qe = QueryExecHTTP.service(server.sparqlUrl()).query(CONSTRUCT).build()) {
            assertTrue(qe.construct().contains(TITLE_TRIPLE));
        }
    }

    @Test
    void namedGraphsStayAddressable() {
        String query = Seed.PREFIXES + "SELECT ?g (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?d a cg:SourceDocument } } GROUP BY ?g";
        try (RDFConnection conn = RDFConnectionRemote.newBuilder().destination(server.url() + "kg")
                .queryEndpoint("sparql").gspEndpoint("get").build()) {
            List<String> graphs = new ArrayList<>();
            conn.querySelect(query, (QuerySolution row) -> {
                graphs.add(row.getResource("g").getURI());
                assertEquals(Seed.DOCUMENTS, row.getLiteral("n").getInt());
            });
            assertEquals(List.of(GraphNames.DOCUMENTS), graphs);
            assertTrue(conn.fetch(GraphNames.DOCUMENTS).getGraph().contains(TITLE_TRIPLE));
        }
    }

    @Test
    void graphStoreReadsNamedAndDefaultGraphs() {
        Graph documents = GSP.service(server.graphStoreUrl()).graphName(GraphNames.DOCUMENTS).GET();
        assertTrue(documents.contains(TITLE_TRIPLE));
        assertFalse(documents.contains(Node.ANY, NodeFactory.createURI("http://www.w3.org/ns/shacl#targetClass"), Node.ANY),
                "the documents graph holds no shapes");

        Graph union = GSP.service(server.graphStoreUrl()).defaultGraph().GET();
        assertTrue(union.contains(TITLE_TRIPLE), "the default graph is the union: it has the documents");
        assertTrue(union.contains(Node.ANY, NodeFactory.createURI("http://www.w3.org/ns/shacl#targetClass"), Node.ANY),
                "... and the shapes");

        HttpResponse<String> turtle = Http.get(server.graphStoreUrl() + "?graph=" + Http.enc(GraphNames.DOCUMENTS), "text/turtle");
        assertEquals(200, turtle.statusCode());
        assertTrue(RDFParser.fromString(turtle.body(), Lang.TURTLE).toGraph().contains(TITLE_TRIPLE));

        HttpResponse<String> missing = Http.get(server.graphStoreUrl() + "?graph=" + Http.enc(GraphNames.BASE + "no-such-graph"), "text/turtle");
        assertEquals(404, missing.statusCode());
    }

    @Test
    void theHealthCheckAnswersAndTheServerSaysNothingAboutItself() {
        assertEquals(200, Http.get(server.url() + "$/ping", "*/*").statusCode());
        HttpResponse<String> status = Http.get(server.url() + "$/server", "application/json");
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("\"/kg\""), "the editor finds the dataset: " + status.body());
        assertFalse(status.body().contains("version") || status.body().contains("uptime") || status.body().contains("startDateTime"),
                status.body());
        for (String path : List.of("$/stats", "$/stats/kg", "$/metrics", "$/validate/query?query=ASK%7B%7D", "$/validate/data")) {
            assertEquals(404, Http.get(server.url() + path, "*/*").statusCode(), path);
        }
    }

    @Test
    void theEditorIsServedUnderUi() {
        HttpResponse<String> ui = Http.get(server.editorUrl(), "text/html");
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("Apache Jena Fuseki UI"));
        HttpResponse<String> api = Http.get(server.editorUrl() + "$/ping", "*/*");
        assertEquals(307, api.statusCode(), "the UI's calls below /ui/ go to the server's own paths");
        assertEquals("/$/ping", api.headers().firstValue("Location").orElse(""));
    }

    @Test
    void extraServletsPlugIn() {
        HttpResponse<String> summary = Http.send(Http.request(server.url() + "api/queries/graph-summary")
                .header("Accept", "text/csv").header("Origin", "https://example.org"));
        assertEquals(200, summary.statusCode(), summary.body());
        assertTrue(summary.body().startsWith("documents,claims,"), summary.body());
        assertTrue(summary.body().lines().skip(1).findFirst().orElse("").startsWith(Seed.DOCUMENTS + ","), summary.body());
        assertTrue(summary.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    private static Lang resultLang(String name) {
        return switch (name) {
            case "RS_JSON" -> ResultSetLang.RS_JSON;
            case "RS_XML" -> ResultSetLang.RS_XML;
            case "RS_CSV" -> ResultSetLang.RS_CSV;
            default -> ResultSetLang.RS_TSV;
        };
    }

    private static Lang rdfLang(String name) {
        return switch (name) {
            case "TURTLE" -> Lang.TURTLE;
            case "NTRIPLES" -> Lang.NTRIPLES;
            case "JSONLD" -> Lang.JSONLD;
            default -> Lang.TRIG;
        };
    }
}
