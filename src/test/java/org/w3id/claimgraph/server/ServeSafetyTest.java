package org.w3id.claimgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.claimgraph.project.GraphNames;

/** Each safety rule of a read-only server, over real HTTP. */
class ServeSafetyTest {
    private static final long BODY_LIMIT = 64 * 1024;
    /** A query that ARQ 5.6 does not cancel by itself: the MINUS side is built whole (the watchdog stops it). */
    private static final String MINUS_CROSS_PRODUCT =
            "SELECT (COUNT(*) AS ?n) { ?a ?b ?c MINUS { ?d ?e ?f . ?g ?h ?i . ?j ?k ?l FILTER(?c != ?i) } }";
    /** A query that ARQ cancels cooperatively. */
    private static final String COUNT_CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    private static DatasetGraph dataset;
    private static ClaimServer server;
    private static long quads;

    @BeforeAll
    static void start() {
        dataset = Seed.copy();
        quads = Txn.calculateRead(dataset, () -> dataset.stream().count());
        server = ClaimServer.builder().dataset(dataset).port(0)
                .queryTimeout(Duration.ofSeconds(1)).maxRequestBody(BODY_LIMIT).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void readOnlyServerHasNoWayToWrite() {
        String insert = "INSERT DATA { GRAPH <" + GraphNames.DOCUMENTS + "> { <urn:example:x> <urn:example:p> \"written\" } }";
        assertEquals(404, Http.post(server.url() + "kg/update", "application/sparql-update", insert).statusCode());
        assertEquals(404, Http.post(server.url() + "kg/data?graph=" + Http.enc(GraphNames.DOCUMENTS), "text/turtle",
                "<urn:example:x> <urn:example:p> \"written\" .").statusCode());
        assertClientError(Http.post(server.sparqlUrl(), "application/sparql-update", insert));
        assertClientError(Http.postForm(server.sparqlUrl(), "update=" + Http.enc(insert), "*/*"));
        assertClientError(Http.post(server.url() + "kg", "application/sparql-update", insert));
        String graph = server.graphStoreUrl() + "?graph=" + Http.enc(GraphNames.DOCUMENTS);
        assertEquals(405, Http.send(Http.request(graph).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:example:x> <urn:example:p> \"written\" ."))).statusCode());
        assertEquals(405, Http.post(graph, "text/turtle", "<urn:example:x> <urn:example:p> \"written\" .").statusCode());
        assertEquals(405, Http.send(Http.request(graph).DELETE()).statusCode());

        assertEquals(quads, Txn.calculateRead(dataset, () -> dataset.stream().count()), "nothing was written");
        assertEquals(200, Http.get(graph, "text/turtle").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {MINUS_CROSS_PRODUCT, COUNT_CROSS_PRODUCT})
    void aQueryPastTheTimeoutGets503EvenIfTheClientAsksForMore(String query) {
        HttpResponse<String> response = Http.get(server.sparqlUrl() + "?timeout=600&query=" + Http.enc(query), "text/csv");
        assertEquals(503, response.statusCode(), response.body());
    }

    @Test
    void theServerAnswersOthersWhileAQueryRunsLong() {
        CompletableFuture<HttpResponse<String>> slow = Http.CLIENT.sendAsync(
                Http.request(server.sparqlUrl() + "?query=" + Http.enc(MINUS_CROSS_PRODUCT)).header("Accept", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, Http.get(server.url() + "$/ping", "*/*").statusCode());
        HttpResponse<String> quick = Http.query(server.sparqlUrl(),
                Seed.PREFIXES + "SELECT (COUNT(?d) AS ?n) { ?d a cg:SourceDocument }", "text/csv");
        assertEquals("n\r\n5\r\n", quick.body());
        assertEquals(503, slow.join().statusCode());
    }

    @Test
    void serviceIsRefusedAndNoConnectionIsMade() throws Exception {
        try (LocalListener remote = new LocalListener()) {
            String target = "<" + remote.url("/sparql") + ">";
            List<String> queries = List.of(
                    "SELECT * { SERVICE " + target + " { ?s ?p ?o } }",
                    "SELECT * { SERVICE SILENT " + target + " { ?s ?p ?o } }",
                    "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE " + target + " { ?s ?p ?o } } } LIMIT 1",
                    "SELECT * { { SELECT ?s { SERVICE " + target + " { ?s ?p ?o } } } }",
                    "SELECT * { VALUES ?svc { " + target + " } SERVICE ?svc { ?s ?p ?o } }",
                    "ASK { SERVICE " + target + " { ?s ?p ?o } }",
                    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE " + target + " { ?s ?p ?o } }");
            for (String q : queries) {
                HttpResponse<String> response = Http.query(server.sparqlUrl(), q, "application/sparql-results+json");
                assertEquals(400, response.statusCode(), q);
                assertTrue(response.body().contains("SERVICE is disabled"), response.body());
            }
            assertEquals(0, remote.connections());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT (<http://jena.apache.org/ARQ/jsFunction#f>(1) AS ?x) {}",
            "SELECT (<java:org.apache.jena.sparql.function.library.sha1sum>(\"a\") AS ?x) {}",
            "SELECT * { ?x <java:org.apache.jena.sparql.pfunction.library.splitIRI> (?ns ?local) }",
            "SELECT * { ?s ?p ?o FILTER(<java:org.apache.jena.sparql.function.library.sha1sum>(STR(?o)) = \"\") }"})
    void scriptAndClassLoadedFunctionsAreRefused(String query) {
        HttpResponse<String> response = Http.query(server.sparqlUrl(), query, "application/sparql-results+json");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("disabled on this server"), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$/datasets", "$/datasets/kg", "$/backup/kg", "$/backups/list", "$/compact/kg", "$/tasks",
            "$/logs", "$/reload", "$/sleep", "$/metrics/kg"})
    void noAdminEndpoints(String path) {
        assertEquals(404, Http.get(server.url() + path, "*/*").statusCode(), path);
        int post = Http.post(server.url() + path, "application/x-www-form-urlencoded", "dbName=evil&dbType=mem").statusCode();
        assertTrue(post == 404 || post == 405, path + " answered POST with " + post);
    }

    @Test
    void oversizedBodiesGet413() {
        String padding = "#" + "x".repeat((int) BODY_LIMIT) + "\n";
        String big = padding + "ASK {}";
        assertEquals(413, Http.post(server.sparqlUrl(), "application/sparql-query", big).statusCode());
        assertEquals(413, Http.postForm(server.sparqlUrl(), "query=" + Http.enc(big), "*/*").statusCode());
        HttpResponse<String> chunked = Http.send(Http.request(server.sparqlUrl()).header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertEquals(413, chunked.statusCode());

        HttpResponse<String> smallChunked = Http.send(Http.request(server.sparqlUrl()).header("Accept", "text/csv")
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        (Seed.PREFIXES + "SELECT (COUNT(?d) AS ?n) { ?d a cg:SourceDocument }").getBytes(StandardCharsets.UTF_8)))));
        assertEquals(200, smallChunked.statusCode(), smallChunked.body());
        assertEquals("n\r\n5\r\n", smallChunked.body());
    }

    @Test
    void compressedBodiesAreRefusedBecauseTheyCouldInflatePastTheLimit() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(("#" + " ".repeat(10 * (int) BODY_LIMIT) + "\nASK {}").getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(zipped.size() < BODY_LIMIT, "small on the wire");
        HttpResponse<String> response = Http.send(Http.request(server.sparqlUrl()).header("Content-Type", "application/sparql-query")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())));
        assertEquals(415, response.statusCode());
    }

    @Test
    void datasetDescriptionsNameGraphsInTheDatasetAndFetchNothing() throws IOException {
        try (LocalListener remote = new LocalListener()) {
            String from = Seed.PREFIXES + "SELECT (COUNT(*) AS ?n) FROM <" + remote.url("/data.ttl") + "> { ?s ?p ?o }";
            assertEquals("n\r\n0\r\n", Http.query(server.sparqlUrl(), from, "text/csv").body());
            HttpResponse<String> protocol = Http.get(server.sparqlUrl() + "?default-graph-uri=" + Http.enc(remote.url("/g.ttl"))
                    + "&named-graph-uri=" + Http.enc(GraphNames.DOCUMENTS) + "&query=" + Http.enc(
                    Seed.PREFIXES + "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?d a cg:SourceDocument } }"), "text/csv");
            assertEquals("n\r\n5\r\n", protocol.body());
            assertEquals(0, remote.connections());
        }
    }

    @Test
    void aMalformedQueryGets400WithTheParserMessage() {
        HttpResponse<String> response = Http.query(server.sparqlUrl(), "SELECT ?s WHERE { ?s ?p }", "application/sparql-results+json");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Encountered \" \"}\" \"} \"\" at line 1, column 25"), response.body());
    }

    @Test
    void corsOnReadEndpointsWithoutCredentials() {
        HttpResponse<String> get = Http.send(Http.request(server.sparqlUrl() + "?query=" + Http.enc("ASK {}"))
                .header("Origin", "https://example.org").header("Accept", "application/sparql-results+json"));
        assertEquals(200, get.statusCode());
        String allowed = get.headers().firstValue("Access-Control-Allow-Origin").orElse("");
        assertTrue(allowed.equals("*") || allowed.equals("https://example.org"), allowed);
        assertFalse(get.headers().firstValue("Access-Control-Allow-Credentials").isPresent());

        HttpResponse<String> preflight = Http.send(Http.request(server.sparqlUrl())
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertFalse(preflight.headers().firstValue("Access-Control-Allow-Credentials").isPresent());

        HttpResponse<String> gsp = Http.send(Http.request(server.graphStoreUrl() + "?graph=" + Http.enc(GraphNames.DOCUMENTS))
                .header("Origin", "https://example.org"));
        assertTrue(gsp.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    private static void assertClientError(HttpResponse<String> response) {
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                "expected a 4xx, got " + response.statusCode() + ": " + response.body());
    }
}
