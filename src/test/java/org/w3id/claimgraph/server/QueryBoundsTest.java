package org.w3id.claimgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 20, defects 1 and 2: no query may take memory or CPU the timeout cannot take back. Each query here
 * ran for minutes (or exhausted the heap) before the bounds; each must now be refused, bounded, or stopped
 * at the server's deadline, and the server must keep answering. The HTTP client waits at most a minute, so
 * a query that is not stopped fails the test instead of hanging it.
 */
class QueryBoundsTest {
    private static final String AFN = "PREFIX afn: <http://jena.apache.org/ARQ/function#> ";
    private static final String FN = "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> ";
    private static ClaimServer server;

    @BeforeAll
    static void start() {
        server = ClaimServer.builder().dataset(Seed.copy()).port(0).queryTimeout(Duration.ofSeconds(2)).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * WHERE { ?s <urn:example:p>{99999999999} ?o }",
            "SELECT * WHERE { ?s <urn:example:p>{2,99999} ?o }",
            "SELECT * WHERE { ?s (<urn:example:p>/<urn:example:q>{11})* ?o }",
            "ASK { FILTER EXISTS { ?s <urn:example:p>{5000} ?o } }"})
    void pathRepetitionAboveTheLimitIsRefused(String query) {
        HttpResponse<String> response = Http.query(server.sparqlUrl(), query, "application/sparql-results+json");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("above this server's limit of " + QueryLimits.MAX_PATH_REPEAT), response.body());
    }

    @Test
    void pathRepetitionWithinTheLimitRuns() {
        HttpResponse<String> response = Http.query(server.sparqlUrl(), Seed.PREFIXES
                + "SELECT (COUNT(*) AS ?n) { ?d a cg:SourceDocument ; <http://purl.org/dc/terms/title>{0,3} ?t }", "text/csv");
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void aHugeFormatWidthIsRefusedOrUnbound() {
        HttpResponse<String> constant = Http.query(server.sparqlUrl(),
                AFN + "SELECT (afn:sprintf(\"%2147483646s\", \"a\") AS ?x) {}", "text/csv");
        assertEquals(400, constant.statusCode(), constant.body());
        assertTrue(constant.body().contains("width or precision"), constant.body());

        HttpResponse<String> computed = Http.query(server.sparqlUrl(),
                AFN + "SELECT ?x { BIND(CONCAT(\"%2147483\", \"646s\") AS ?f) BIND(afn:sprintf(?f, \"a\") AS ?x) }", "text/csv");
        assertEquals("x\r\n\r\n", computed.body(), "the value is an error, so unbound");
    }

    @Test
    void stringsThatDoubleStopAtTheLimit() {
        StringBuilder query = new StringBuilder("SELECT (STRLEN(?v25) AS ?n) { BIND(\"" + "x".repeat(100) + "\" AS ?v0)");
        for (int i = 1; i <= 25; i++) query.append(" BIND(CONCAT(?v").append(i - 1).append(", ?v").append(i - 1).append(") AS ?v").append(i).append(')');
        HttpResponse<String> concat = Http.query(server.sparqlUrl(), query.append(" }").toString(), "text/csv");
        assertEquals("n\r\n\r\n", concat.body(), "2^25 * 100 characters are not built");

        HttpResponse<String> replace = Http.query(server.sparqlUrl(), "SELECT (STRLEN(?r) AS ?n) { BIND(\"" + "x".repeat(2000)
                + "\" AS ?s) BIND(REPLACE(?s, \"x\", ?s) AS ?r) }", "text/csv");
        assertEquals("n\r\n\r\n", replace.body(), "2000 * 2000 characters are not built");

        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 300; i++) values.append(i).append(' ');
        HttpResponse<String> tooLong = Http.query(server.sparqlUrl(), "SELECT (STRLEN(GROUP_CONCAT(?s)) AS ?n) {"
                + " VALUES ?s { \"" + "y".repeat(5000) + "\" } VALUES ?i { " + values + "} }", "text/csv");
        assertEquals("n\r\n\r\n", tooLong.body(), "300 * 5000 characters are more than a group may build");
    }

    @Test
    void queryTextIsCappedFarBelowTheBodyCap() {
        String query = "# " + "x".repeat(QueryLimits.MAX_QUERY_CHARS) + "\nASK {}";
        HttpResponse<String> response = Http.post(server.sparqlUrl(), "application/sparql-query", query);
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("at most " + QueryLimits.MAX_QUERY_CHARS), response.body());
    }

    @Test
    void deepNestingIsRefusedBeforeParsing() {
        HttpResponse<String> response = Http.post(server.sparqlUrl(), "application/sparql-query",
                "SELECT * { " + "{".repeat(1000) + "}".repeat(1000) + " }");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("nests brackets more than " + QueryLimits.MAX_NESTING), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT ?m { VALUES ?s { \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\" } BIND(REGEX(?s, \"^((a+)\\\\2?)+$\") AS ?m) }",
            "SELECT ?m { VALUES ?s { \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\" } BIND(REPLACE(?s, \"^((a+)\\\\2?)+$\", \"\") AS ?m) }",
            FN + "SELECT ?m { VALUES ?s { \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\" } BIND(fn:matches(?s, \"^((a+)\\\\2?)+$\") AS ?m) }"})
    void aBacktrackingRegexStopsAtTheDeadline(String query) {
        HttpResponse<String> response = Http.query(server.sparqlUrl(), query, "text/csv");
        assertEquals(503, response.statusCode(), response.body());
        assertEquals(200, Http.get(server.url() + "$/ping", "*/*").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            AFN + "SELECT (afn:wait(600000) AS ?x) {}",
            AFN + "SELECT ?x { ?s ?p ?o BIND(afn:wait(600000) AS ?x) } LIMIT 1",
            AFN + "SELECT (afn:print(\"to the server's output\") AS ?x) {}",
            AFN + "SELECT (CALL(afn:wait, 600000) AS ?x) {}",
            AFN + "SELECT (afn:eval(1) AS ?x) {}",
            "SELECT (<http://example.org/no-such-function>(1) AS ?x) {}"})
    void functionsThatCannotBeCancelledAreRefused(String query) {
        HttpResponse<String> response = Http.query(server.sparqlUrl(), query, "text/csv");
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("is not available on this server"), response.body());
    }

    @Test
    void aComputedCallToWaitDoesNotWait() {
        HttpResponse<String> response = Http.query(server.sparqlUrl(),
                "SELECT ?x { BIND(CALL(IRI(CONCAT(\"http://jena.apache.org/ARQ/function#\", \"wait\")), 600000) AS ?x) }", "text/csv");
        assertEquals("x\r\n\r\n", response.body());
    }

    @Test
    void theHealthCheckAnswersWhileTheQueryPathsAreSaturated() throws Exception {
        int running = 2;
        int sent = 24;
        ClaimServer small = ClaimServer.builder().dataset(Seed.copy()).port(0).queryTimeout(Duration.ofSeconds(10))
                .maxRunningQueries(running).build().start();
        try {
            String slow = small.sparqlUrl() + "?query=" + Http.enc(
                    "SELECT (COUNT(*) AS ?n) { ?a ?b ?c MINUS { ?d ?e ?f . ?g ?h ?i . ?j ?k ?l FILTER(?c != ?i) } }");
            var answers = new java.util.ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < sent; i++) {
                answers.add(Http.CLIENT.sendAsync(Http.request(slow).header("Accept", "text/csv").build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            awaitRunning(running);
            HttpResponse<String> ping = Http.get(small.url() + "$/ping", "*/*");
            HttpResponse<String> page = Http.get(small.editorUrl(), "text/html");
            boolean anyDone = answers.stream().anyMatch(java.util.concurrent.CompletableFuture::isDone);
            assertEquals(200, ping.statusCode());
            assertEquals(200, page.statusCode());
            assertFalse(anyDone, "the health check was answered while every slow query still held its place");
            for (var answer : answers) {
                int status = answer.get().statusCode();
                assertEquals(503, status, "each slow query ends at its deadline, or after waiting as long");
            }
        } finally {
            small.stop();
        }
    }

    /** Waits (at most a minute) until the server runs {@code n} requests on its query paths. */
    private static void awaitRunning(int n) throws InterruptedException {
        for (int i = 0; i < 600 && QueryDeadline.running().size() < n; i++) Thread.sleep(100);
        assertEquals(n, QueryDeadline.running().size(), "requests running on the query paths");
    }
}
