package org.w3id.claimgraph.query.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Query;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.project.Prefixes;
import org.w3id.claimgraph.query.QueryFixture;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.query.QuerySamples;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.ResultFormat;

/**
 * The REST API on a real embedded Fuseki (port 0) that also serves the fixture graph as a read-only SPARQL
 * endpoint at /kg: every named query answers the same through the API, the endpoint, TDB2 and in memory.
 */
class QueryApiServletTest {
    private static FusekiServer server;
    private static String base;
    private static QueryLibrary library;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path tdbDir;

    @BeforeAll
    static void start() {
        library = QueryFixture.library();
        DatasetGraph fixture = QueryFixture.withFixture();
        server = FusekiServer.create().port(0).loopback(true)
                .add("/kg", GraphSource.unionView(fixture), false)
                .addServlet("/api/*", new QueryApiServlet(library, GraphSource.of(fixture, "fixture")))
                .addServlet("/hurried/*", new QueryApiServlet(library, GraphSource.of(fixture, "fixture"), Duration.ofMillis(1)))
                .addServlet("/cut/*", new QueryApiServlet(library, new CutShort(GraphSource.of(fixture, "fixture"), 20), Duration.ofSeconds(30)))
                .addServlet("/cutlate/*", new QueryApiServlet(library, new CutShort(GraphSource.of(fixture, "fixture"), 20), Duration.ofSeconds(30), 256))
                .build().start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    @Test
    void everyQueryAnswersTheSameInMemoryOnTdb2ThroughTheEndpointAndThroughTheApi() throws Exception {
        DatasetGraph tdb = QuerySamples.tdb2(tdbDir);
        try (GraphSource memory = GraphSource.of(QueryFixture.withFixture(), "memory");
             GraphSource tdb2 = GraphSource.tdb2(tdbDir);
             GraphSource openTdb2 = GraphSource.of(tdb, "open TDB2 dataset");
             GraphSource endpoint = GraphSource.endpoint(base + "/kg/sparql")) {
            Set<String> covered = new TreeSet<>();
            for (QuerySamples.Sample s : QuerySamples.ALL) {
                Query query = library.get(s.name()).bind(s.params());
                // in order where the query sorts its rows; the export-like ones (no ORDER BY) come in the order each
                // store finds them, the same rows
                List<Map<String, org.apache.jena.graph.Node>> expected = QueryFixture.terms(query, memory.select(query));
                assertFalse(expected.isEmpty(), s + " finds rows on the fixture");
                assertEquals(expected, QueryFixture.terms(query, tdb2.select(query)), s + " on TDB2");
                assertEquals(expected, QueryFixture.terms(query, openTdb2.select(query)), s + " on an open TDB2 dataset");
                assertEquals(expected, QueryFixture.terms(query, endpoint.select(query)), s + " through the endpoint");

                HttpResponse<byte[]> response = get(apiUrl(s), null);
                assertEquals(200, response.statusCode(), s + ": " + new String(response.body(), StandardCharsets.UTF_8));
                assertEquals(ResultFormat.JSON.mediaType(), response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
                RowSetRewindable api = RowSetMem.create(RowSet.adapt(ResultSetMgr.read(new ByteArrayInputStream(response.body()), ResultSetLang.RS_JSON)));
                assertEquals(expected, QueryFixture.terms(query, api), s + " through the API");
                covered.add(s.name());
            }
            assertEquals(new TreeSet<>(library.all().stream().map(NamedQuery::name).toList()), covered, "every query has a sample");
        } finally {
            TDBInternal.expel(tdb);
        }
    }

    @Test
    void csvTsvAndXmlByAccept() throws Exception {
        QuerySamples.Sample s = new QuerySamples.Sample("unsupported-claims", Map.of("document", "doc:901_queryfixture", "includeWeak", "false"));
        for (ResultFormat format : List.of(ResultFormat.CSV, ResultFormat.TSV, ResultFormat.XML)) {
            HttpResponse<byte[]> response = get(apiUrl(s), format.mediaType() + ", application/json;q=0.5");
            assertEquals(200, response.statusCode());
            assertEquals(format.mediaType(), response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertEquals(local(s, format), new String(response.body(), StandardCharsets.UTF_8), format.toString());
        }
        String csv = new String(get(apiUrl(s), "text/csv").body(), StandardCharsets.UTF_8);
        assertEquals("""
                document,claim,subject,relation,object,grade,support\r
                https://w3id.org/claimgraph/id/document/901_queryfixture,https://w3id.org/claimgraph/id/claim/901-004,https://w3id.org/claimgraph/id/concept/fx-magnesium,https://w3id.org/claimgraph/ontology#dosedAt,https://w3id.org/claimgraph/id/concept/fx-anxiety,very low,unsupported\r
                https://w3id.org/claimgraph/id/document/901_queryfixture,https://w3id.org/claimgraph/id/claim/901-005,https://w3id.org/claimgraph/id/concept/fx-magnesium,https://w3id.org/claimgraph/ontology#increases,https://w3id.org/claimgraph/id/concept/fx-cortisol,very low,unsupported\r
                """, csv);
        assertEquals(ResultFormat.JSON, QueryApiServlet.negotiate("*/*"));
        assertEquals(ResultFormat.JSON, QueryApiServlet.negotiate("text/html"));
        assertEquals(ResultFormat.CSV, QueryApiServlet.negotiate("text/html, text/csv;q=0.9"));
    }

    @Test
    void theQueryTextIsServedAsItIsInTheFile() throws Exception {
        for (NamedQuery q : library.all()) {
            HttpResponse<byte[]> response = get(base + "/api/queries/" + q.name() + ".rq", null);
            assertEquals(200, response.statusCode(), q.name());
            assertEquals("application/sparql-query", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertEquals(q.text(), new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theListNamesEveryQueryWithItsParameters() throws Exception {
        HttpResponse<byte[]> response = get(base + "/api/queries", null);
        assertEquals(200, response.statusCode());
        JsonArray queries = JSON.parse(new ByteArrayInputStream(response.body())).get("queries").getAsArray();
        assertEquals(library.all().stream().map(NamedQuery::name).toList(),
                queries.stream().map(v -> v.getAsObject().getString("name")).toList());
        JsonObject claimsAbout = queries.stream().map(JsonValue::getAsObject)
                .filter(o -> o.getString("name").equals("claims-about")).findFirst().orElseThrow();
        assertEquals("Claims about a concept", claimsAbout.getString("title"));
        JsonObject concept = claimsAbout.get("parameters").getAsArray().get(0).getAsObject();
        assertEquals("concept", concept.getString("name"));
        assertEquals("iri", concept.getString("type"));
        assertTrue(concept.getBoolean("required"));
        assertEquals(List.of("claim", "document", "subject", "relation", "object", "grade", "hedged", "quote", "negated"),
                claimsAbout.get("columns").getAsArray().stream().map(v -> v.getAsString().value()).toList());
    }

    /**
     * Issue 19, item 5: every parameter has an example, and every query's answers are documented, the 404 for an
     * unknown query included; each query called with its examples answers 200, and an unknown one answers the
     * documented 404 with an Error body.
     */
    @Test
    void theOpenApiDocumentGivesAnExampleForEveryParameterAndDocumentsTheNotFound() throws Exception {
        JsonObject doc = JSON.parse(new ByteArrayInputStream(get(base + "/api/openapi.json", null).body()));
        JsonObject paths = doc.getObj("paths");
        for (NamedQuery q : library.all()) {
            for (String path : List.of("/queries/" + q.name(), "/queries/" + q.name() + ".rq")) {
                JsonObject notFound = paths.getObj(path).getObj("get").getObj("responses").getObj("404");
                assertNotNull(notFound, path + " documents no 404");
                assertEquals("#/components/schemas/Error", notFound.getObj("content").getObj("application/json").getObj("schema").getString("$ref"));
            }
            StringBuilder call = new StringBuilder(base + "/api/queries/" + q.name() + "?");
            for (var v : paths.getObj("/queries/" + q.name()).getObj("get").get("parameters").getAsArray()) {
                JsonObject p = v.getAsObject();
                assertTrue(p.hasKey("example"), q.name() + " " + p.getString("name") + " has no example");
                JsonValue example = p.get("example");
                String type = p.getObj("schema").getString("type");
                assertEquals(type, example.isBoolean() ? "boolean" : example.isNumber() ? (type.equals("integer") ? "integer" : "number") : "string",
                        q.name() + " " + p.getString("name") + ": the example is not of the parameter's type");
                String value = example.isString() ? example.getAsString().value() : example.toString().strip();
                call.append(p.getString("name")).append('=').append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
            HttpResponse<byte[]> answer = get(call.toString(), null);
            assertEquals(200, answer.statusCode(), call + ": " + new String(answer.body(), StandardCharsets.UTF_8));
        }
        for (String unknown : List.of("/api/queries/no-such-query", "/api/queries/no-such-query.rq")) {
            HttpResponse<byte[]> answer = get(base + unknown, null);
            assertEquals(404, answer.statusCode());
            assertTrue(JSON.parse(new ByteArrayInputStream(answer.body())).getString("error").contains("no-such-query"), unknown);
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryQueryFromItsHeader() throws Exception {
        HttpResponse<byte[]> response = get(base + "/api/openapi.json", null);
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject doc = JSON.parse(new ByteArrayInputStream(response.body()));
        assertEquals("3.0.3", doc.getString("openapi"));
        assertEquals("/api", doc.get("servers").getAsArray().get(0).getAsObject().getString("url"));
        JsonObject paths = doc.getObj("paths");
        Set<String> operationIds = new TreeSet<>();
        for (NamedQuery q : library.all()) {
            JsonObject get = paths.getObj("/queries/" + q.name()).getObj("get");
            assertEquals(q.title(), get.getString("summary"));
            assertTrue(get.getString("description").startsWith(q.description()), q.name());
            assertTrue(operationIds.add(get.getString("operationId")), "operation ids are unique");
            JsonArray params = get.get("parameters").getAsArray();
            assertEquals(q.params().size() + 2, params.size(), q.name());
            assertEquals(List.of("limit", "offset"), List.of(params.get(params.size() - 2).getAsObject().getString("name"),
                    params.get(params.size() - 1).getAsObject().getString("name")), q.name());
            for (int i = 0; i < q.params().size(); i++) {
                JsonObject p = params.get(i).getAsObject();
                NamedQuery.Param declared = q.params().get(i);
                assertEquals(declared.name(), p.getString("name"));
                assertEquals("query", p.getString("in"));
                assertEquals(declared.required(), p.getBoolean("required"));
                assertEquals(declared.type().jsonType(), p.getObj("schema").getString("type"));
                assertEquals(declared.defaultValue() != null, p.getObj("schema").hasKey("default"), q.name() + " " + declared.name());
            }
            JsonObject content = get.getObj("responses").getObj("200").getObj("content");
            assertEquals(Set.of("application/sparql-results+json", "text/csv", "text/tab-separated-values", "application/sparql-results+xml"),
                    content.keys());
            assertTrue(paths.hasKey("/queries/" + q.name() + ".rq"), q.name());
            assertTrue(operationIds.add(paths.getObj("/queries/" + q.name() + ".rq").getObj("get").getString("operationId")));
        }
        JsonObject mechanism = paths.getObj("/queries/mechanism-paths").getObj("get").get("parameters").getAsArray().get(0).getAsObject();
        assertEquals("concept:magnesium", mechanism.getObj("schema").getString("default"));
        JsonObject minClaims = paths.getObj("/queries/documents-by-unsupported-share").getObj("get").get("parameters").getAsArray().get(0).getAsObject();
        assertEquals(1, minClaims.getObj("schema").getNumber("default").intValue());
        // every $ref resolves within the document
        String text = new String(response.body(), StandardCharsets.UTF_8);
        Set<String> refs = java.util.regex.Pattern.compile("\"#/components/schemas/(\\w+)\"").matcher(text).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        assertEquals(Set.of("SparqlResults", "Error", "QueryList"), refs);
        for (String ref : refs) assertTrue(doc.getObj("components").getObj("schemas").hasKey(ref), ref);
    }

    @Test
    void badParametersAre400NamingTheParameter() throws Exception {
        assertError(base + "/api/queries/claims-about", 400, "concept", "missing parameter 'concept'");
        assertError(base + "/api/queries/claims-about?concept=" + enc("not an iri"), 400, "concept", "'not an iri' is not an IRI");
        assertError(base + "/api/queries/documents-by-unsupported-share?minClaims=many", 400, "minClaims", "'many' is not an integer");
        assertError(base + "/api/queries/unsupported-claims?includeWeak=maybe", 400, "includeWeak", "is not true or false");
        assertError(base + "/api/queries/claims-about?concept=concept:x&colour=red", 400, "colour", "unknown parameter 'colour'");
        assertError(base + "/api/queries/claims-about?concept=concept:x&concept=concept:y", 400, "concept", "given 2 times");
        assertError(base + "/api/queries/no-such-query", 404, null, "no query named 'no-such-query'");
        assertError(base + "/api/queries/no-such-query.rq", 404, null, "no query named 'no-such-query'");
        assertError(base + "/api/elsewhere", 404, null, "no such resource");
    }

    @Test
    void limitAndOffsetPageThroughTheRowsInOrder() throws Exception {
        String url = base + "/api/queries/claims-by-evidence-type";
        List<String> all = csvRows(url);
        assertTrue(all.size() > 5, "enough rows to page through: " + all.size());
        // About ten pages, the last one short and one more past the end: each page is one run of the whole query
        // (over a thousand rows on the fixture), so pages of two rows would run it some six hundred times.
        int limit = all.size() / 10 + 1;
        while (all.size() % limit == 0) limit++; // so that the last page is a short one
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size() + limit; offset += limit) {
            List<String> page = csvRows(url + "?limit=" + limit + "&offset=" + offset);
            assertTrue(page.size() <= limit, "a page holds at most limit rows");
            paged.addAll(page);
        }
        assertEquals(all, paged, "the pages, one after the other, are the whole result");
        assertEquals(all.subList(4, 6), csvRows(url + "?limit=2&offset=4"), "a page of two rows");
        assertEquals(all.subList(3, all.size()), csvRows(url + "?offset=3"));
        assertEquals(List.of(), csvRows(url + "?limit=0"));
        assertEquals(all.subList(0, 1), csvRows(url + "?limit=1&type=" + enc(all.get(0).split(",")[0])), "a page of a query given parameters");
        assertError(url + "?limit=ten", 400, "limit", "limit must be a whole number, not 'ten'");
        assertError(url + "?offset=-1", 400, "offset", "offset must be 0 or more");
    }

    @Test
    void aQueryPastTheTimeoutIs503() throws Exception {
        assertError(base + "/hurried/queries/mechanism-paths", 503, null, "did not finish within the server's timeout of 1 ms");
    }

    /**
     * Issue 20, defect 7: a query cut off part of the way through its rows (as the timeout does) is never a
     * complete-looking 200. Within the first {@value QueryApiServlet#BUFFER} bytes nothing has been sent and
     * the answer is a 503; after them the connection is aborted, and the client sees a body without its end.
     */
    @Test
    void aQueryCutOffMidStreamIsNeverAComplete200() throws Exception {
        assertError(base + "/cut/queries/references-cited", 503, null, "did not finish within the server's timeout");
        HttpResponse<byte[]> csv = get(base + "/cut/queries/references-cited", "text/csv");
        assertEquals(503, csv.statusCode(), new String(csv.body(), StandardCharsets.UTF_8));

        IOException cut = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> get(base + "/cutlate/queries/references-cited", "text/csv"),
                "a body cut off after its status was sent must not read as complete");
        assertTrue(cut.getMessage() != null, String.valueOf(cut));
    }

    /** The rows of a real target, with the query cancelled after {@code rows} of them, as a timeout would. */
    private record CutShort(GraphSource target, int rows) implements GraphSource {
        @Override
        public <T> T stream(Query query, Duration timeout, java.util.function.Function<RowSet, T> reader) {
            return target.stream(query, timeout, all -> reader.apply(org.apache.jena.sparql.exec.RowSetStream.create(all.getResultVars(),
                    new java.util.Iterator<org.apache.jena.sparql.engine.binding.Binding>() {
                        private int read;

                        @Override
                        public boolean hasNext() {
                            return all.hasNext();
                        }

                        @Override
                        public org.apache.jena.sparql.engine.binding.Binding next() {
                            if (read++ == rows) throw new org.apache.jena.query.QueryCancelledException();
                            return all.next();
                        }
                    })));
        }

        @Override
        public org.apache.jena.graph.Graph construct(Query query, Duration timeout) {
            return target.construct(query, timeout);
        }

        @Override
        public boolean ask(Query query, Duration timeout) {
            return target.ask(query, timeout);
        }

        @Override
        public String description() {
            return "cut short";
        }

        @Override
        public java.util.Optional<org.apache.jena.sparql.core.DatasetGraph> dataset() {
            return target.dataset();
        }
    }

    private static List<String> csvRows(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(url, "text/csv");
        assertEquals(200, response.statusCode(), url);
        List<String> lines = new ArrayList<>(List.of(new String(response.body(), StandardCharsets.UTF_8).split("\r\n")));
        lines.remove(0);
        return lines;
    }

    @Test
    void aHostileStringIsJustAValue() throws Exception {
        String hostile = "x\" } } ; DROP ALL #";
        HttpResponse<byte[]> response = get(base + "/api/queries/concept-search?text=" + enc(hostile), null);
        assertEquals(200, response.statusCode());
        org.apache.jena.query.ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body()), ResultSetLang.RS_JSON);
        assertEquals(List.of("concept", "type", "label", "matched", "labelKind"), results.getResultVars());
        assertFalse(results.hasNext(), "no label contains the string");
    }

    private static void assertError(String url, int status, String parameter, String fragment) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(url, null);
        assertEquals(status, response.statusCode(), url);
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonObject body = JSON.parse(new ByteArrayInputStream(response.body()));
        assertTrue(body.getString("error").contains(fragment), body.getString("error"));
        if (parameter == null) assertFalse(body.hasKey("parameter"));
        else assertEquals(parameter, body.getString("parameter"));
    }

    private static String local(QuerySamples.Sample s, ResultFormat format) {
        Query query = library.get(s.name()).bind(s.params());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(GraphSource.of(QueryFixture.withFixture(), "memory").select(query), out, Prefixes.forQuery(query.getPrefixMapping()));
        return out.toString(StandardCharsets.UTF_8);
    }

    static String apiUrl(QuerySamples.Sample s) {
        String query = s.params().entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return base + "/api/queries/" + s.name() + (query.isEmpty() ? "" : "?" + query);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> get(String url, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (accept != null) request.header("Accept", accept);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
