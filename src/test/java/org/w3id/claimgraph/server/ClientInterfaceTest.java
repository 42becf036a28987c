package org.w3id.claimgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.claimgraph.explore.ClaimFindings;
import org.w3id.claimgraph.explore.Explorer;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.query.api.QueryApiServlet;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.validate.Validator;

/**
 * Issue 19, items 1 and 2: what a client of another origin, knowing only a URL, finds and reads.
 *
 * <p>Item 1, a client discovers the server. GET on a query endpoint without a query answers its SPARQL 1.1
 * Service Description (language, result formats, the union default graph, the named graphs) in the RDF format it
 * asks for; {@code /.well-known/void} describes the dataset (triples, claims, documents, vocabularies, the
 * endpoint, the dump), linked from the explorer. A generic client that knows only a URL finds the endpoint and
 * whether its default graph is the union, and queries it.
 *
 * <p>Item 2, {@code /id/*} is a read endpoint like the others: CORS, with {@code Vary: Origin} wherever the origin is
 * echoed ({@code /api/queries/*} too); {@code Accept: application/json} answers JSON-LD with its context inline; a
 * named graph's IRI answers a description of the graph (its size, its dataset, its dump).
 */
class ClientInterfaceTest {
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final Node ENDPOINT = uri(SD + "endpoint");

    private static DatasetGraph dataset;
    private static DatasetSummary summary;
    private static ClaimServer server;

    @BeforeAll
    static void start() {
        ProjectLayout layout = ProjectLayout.locate();
        dataset = Seed.copy();
        QueryLibrary library = QueryLibrary.load(layout);
        summary = DatasetSummary.of(dataset, library);
        ClaimServer.Builder builder = ClaimServer.builder().dataset(dataset).port(0).summary(summary);
        GraphSource target = GraphSource.of(builder.servedDataset(), "seed graph");
        ClaimFindings findings = ClaimFindings.fromValidator(Validator.load(layout), GraphSource.of(dataset, "seed graph"));
        builder.addServlet("/api/*", new QueryApiServlet(library, target, ClaimServer.DEFAULT_QUERY_TIMEOUT)).corsPath("/api/*");
        server = Explorer.install(builder, layout, target, findings).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "kg/sparql, text/turtle, text/turtle",
            "kg/query, text/turtle, text/turtle",
            "kg/sparql, application/ld+json, application/ld+json",
            "kg/query, application/json, application/json",
            "kg/sparql, application/rdf+xml, application/rdf+xml",
            "kg/sparql, application/n-triples, application/n-triples",
            "kg/query, '*/*', text/turtle",
            "kg/sparql, 'text/html,application/xhtml+xml,*/*;q=0.8', text/turtle"})
    void anEndpointWithoutAQueryDescribesItself(String path, String accept, String type) {
        String url = server.url() + path;
        HttpResponse<String> response = Http.get(url, accept);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(type, response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(response.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")));
        Graph description = parse(response, url);
        Node service = uri(url);
        assertTrue(description.contains(service, RDF.type.asNode(), uri(SD + "Service")));
        assertTrue(description.contains(service, ENDPOINT, service));
        assertTrue(description.contains(service, uri(SD + "supportedLanguage"), uri(SD + "SPARQL11Query")));
        assertTrue(description.contains(service, uri(SD + "feature"), uri(SD + "UnionDefaultGraph")));
        for (String format : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "JSON-LD")) {
            assertTrue(description.contains(service, uri(SD + "resultFormat"), uri("http://www.w3.org/ns/formats/" + format)), format);
        }
        assertEquals(graphNames(), namedGraphs(description));
        // The JSON-LD context is inline: nothing for a client to fetch.
        if (type.contains("json")) assertFalse(response.body().matches("(?s).*\"@context\"\\s*:\\s*\"http.*"), response.body());
    }

    @Test
    void aQueryIsStillAQuery() {
        HttpResponse<String> response = Http.query(server.url() + "kg/query", "ASK { ?s ?p ?o }", "application/sparql-results+json");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"boolean\""), response.body());
    }

    /**
     * A generic client, knowing a URL and nothing else (no type hint), as Comunica and other link-following clients
     * do it: it reads the description, takes the endpoint from sd:endpoint, and learns from sd:UnionDefaultGraph that
     * a query without GRAPH sees every named graph; then it queries that endpoint and finds it so.
     */
    @ParameterizedTest
    @ValueSource(strings = {"kg/query", "kg/sparql"})
    void aGenericClientFindsTheEndpointAndItsUnionDefaultGraph(String path) {
        HttpResponse<String> response = Http.get(server.url() + path, "text/turtle;q=0.9, application/ld+json, application/rdf+xml;q=0.5");
        Graph description = parse(response, server.url() + path);
        List<Triple> endpoints = description.find(Node.ANY, ENDPOINT, Node.ANY).toList();
        assertEquals(1, endpoints.size(), endpoints.toString());
        Node service = endpoints.get(0).getSubject();
        String endpoint = endpoints.get(0).getObject().getURI();
        assertTrue(description.contains(service, uri(SD + "feature"), uri(SD + "UnionDefaultGraph")));

        long union = count(endpoint, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }");
        long distinctInNamed = count(endpoint, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }");
        assertTrue(union > 0);
        assertEquals(distinctInNamed, union, "the default graph is the union of the named graphs");
        for (Node name : namedGraphs(description)) {
            assertTrue(QueryExecHTTP.service(endpoint).query("ASK { GRAPH <" + name.getURI() + "> { ?s ?p ?o } }").ask(), name.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/turtle", "application/ld+json", "application/rdf+xml"})
    void theDatasetIsDescribedByVoid(String accept) {
        String url = server.url() + ".well-known/void";
        HttpResponse<String> response = Http.get(url, accept);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(accept, response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        Graph voidGraph = parse(response, url);
        Node ds = uri(url + "#dataset");
        assertTrue(voidGraph.contains(ds, RDF.type.asNode(), VOID.Dataset.asNode()));
        long quads = Txn.calculateRead(dataset, () -> dataset.stream().count());
        assertEquals(quads, number(voidGraph, ds, VOID.triples.asNode()));
        assertEquals(Seed.DOCUMENTS, number(voidGraph, partition(voidGraph, ds, "https://w3id.org/claimgraph/ontology#SourceDocument"), VOID.entities.asNode()));
        assertEquals(summary.claims(), number(voidGraph, partition(voidGraph, ds, "https://w3id.org/claimgraph/ontology#Claim"), VOID.entities.asNode()));
        assertTrue(summary.claims() > 100);
        Set<String> vocabularies = new TreeSet<>();
        voidGraph.find(ds, VOID.vocabulary.asNode(), Node.ANY).forEachRemaining(t -> vocabularies.add(t.getObject().getURI()));
        assertTrue(vocabularies.containsAll(List.of("https://w3id.org/claimgraph/ontology#", "http://www.w3.org/ns/oa#",
                "http://purl.org/dc/terms/", "http://www.w3.org/2004/02/skos/core#")), vocabularies.toString());
        assertTrue(voidGraph.contains(ds, VOID.uriSpace.asNode(), NodeFactory.createLiteralString("https://w3id.org/claimgraph/id/")));

        // Its SPARQL endpoint describes itself; its dump holds what it counts.
        String endpoint = voidGraph.find(ds, VOID.sparqlEndpoint.asNode(), Node.ANY).next().getObject().getURI();
        assertEquals(server.sparqlUrl(), endpoint);
        assertTrue(parse(Http.get(endpoint, "text/turtle"), endpoint).contains(uri(endpoint), ENDPOINT, uri(endpoint)));
        String dump = voidGraph.find(ds, VOID.dataDump.asNode(), Node.ANY).next().getObject().getURI();
        HttpResponse<String> dumped = Http.get(dump, "application/n-quads");
        assertEquals(200, dumped.statusCode(), dumped.body());
        DatasetGraph copy = DatasetGraphFactory.create();
        RDFParser.fromString(dumped.body(), Lang.NQUADS).parse(copy);
        assertEquals(quads, copy.stream().count());
    }

    @Test
    void theExplorerLinksTheDatasetDescription() {
        HttpResponse<String> page = Http.get(server.url(), "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<link rel=\"meta\" type=\"text/turtle\" title=\"VoID\" href=\"/.well-known/void\">"), page.body());
        assertTrue(page.body().contains("<a href=\"/.well-known/void\">"), page.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"id/claim/003-001", "id/concept/magnesium-glycinate", "id/graph/documents", "api/queries",
            "api/queries/graph-summary", "api/queries/claims-about.rq", "api/openapi.json", "kg/sparql?query=ASK%7B%7D",
            "kg/get?graph=https%3A%2F%2Fw3id.org%2Fclaimgraph%2Fid%2Fgraph%2Fdocuments", "kg/sparql", ".well-known/void"})
    void everyReadEndpointIsReadableFromAnyOriginAndSaysItVariesByOrigin(String path) {
        HttpResponse<String> response = Http.send(Http.request(server.url() + path)
                .header("Origin", "https://example.org").header("Accept", "text/turtle, application/sparql-results+json, */*;q=0.1").GET());
        assertEquals(200, response.statusCode(), response.body());
        String allowed = response.headers().firstValue("Access-Control-Allow-Origin").orElse("");
        assertTrue(allowed.equals("*") || allowed.equals("https://example.org"), allowed);
        assertFalse(response.headers().firstValue("Access-Control-Allow-Credentials").isPresent());
        assertTrue(varies(response, "Origin"), response.headers().allValues("Vary").toString());
        HttpResponse<String> preflight = Http.send(Http.request(server.url() + path).header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "accept")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent(), path + " preflight: " + preflight.headers().map());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/ld+json"})
    void jsonIsJsonLdWithItsContextInline(String accept) {
        String url = server.url() + "id/claim/003-001";
        HttpResponse<String> json = Http.get(url, accept);
        assertEquals(200, json.statusCode(), json.body());
        assertEquals(accept, json.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(varies(json, "Accept"));
        assertTrue(json.body().contains("\"@context\""), json.body());
        assertFalse(json.body().matches("(?s).*\"@context\"\\s*:\\s*(\\[\\s*)?\"https?:.*"), "a remote context: " + json.body());
        Graph fromJson = GraphFactory.createDefaultGraph();
        RDFParser.fromString(json.body(), Lang.JSONLD).parse(fromJson);
        Graph fromTurtle = parse(Http.get(url, "text/turtle"), url);
        assertTrue(fromTurtle.size() > 5);
        assertTrue(fromJson.isIsomorphicWith(fromTurtle), "the JSON-LD says what the Turtle says");
    }

    @Test
    void aNamedGraphIriDescribesTheGraph() {
        String iri = GraphNames.DOCUMENTS;
        String url = server.url() + iri.substring("https://w3id.org/claimgraph/".length());
        HttpResponse<String> response = Http.get(url, "text/turtle");
        assertEquals(200, response.statusCode(), response.body());
        Graph description = parse(response, url);
        Node graph = uri(iri);
        assertTrue(description.contains(graph, RDF.type.asNode(), VOID.Dataset.asNode()), response.body());
        long triples = Txn.calculateRead(dataset, () -> dataset.getGraph(graph).size());
        assertTrue(triples > 0);
        assertEquals(triples, number(description, graph, VOID.triples.asNode()));
        assertTrue(description.contains(graph, VOID.inDataset.asNode(), uri(server.url() + ".well-known/void#dataset")));
        String dump = description.find(graph, VOID.dataDump.asNode(), Node.ANY).next().getObject().getURI();
        HttpResponse<String> dumped = Http.get(dump, "application/n-triples");
        assertEquals(200, dumped.statusCode(), dumped.body());
        Graph copy = GraphFactory.createDefaultGraph();
        RDFParser.fromString(dumped.body(), Lang.NTRIPLES).parse(copy);
        assertEquals(triples, copy.size());
        assertEquals(404, Http.get(server.url() + "id/graph/no-such-graph", "text/turtle").statusCode());
    }

    private static boolean varies(HttpResponse<String> response, String header) {
        return response.headers().allValues("Vary").stream().flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .anyMatch(v -> v.trim().equalsIgnoreCase(header));
    }

    private static Node partition(Graph graph, Node dataset, String cls) {
        for (Triple t : graph.find(dataset, VOID.classPartition.asNode(), Node.ANY).toList()) {
            if (graph.contains(t.getObject(), VOID._class.asNode(), uri(cls))) return t.getObject();
        }
        throw new AssertionError("no class partition for " + cls);
    }

    private static long number(Graph graph, Node s, Node p) {
        List<Triple> found = graph.find(s, p, Node.ANY).toList();
        assertEquals(1, found.size(), s + " " + p + ": " + found);
        return ((Number) found.get(0).getObject().getLiteralValue()).longValue();
    }

    private static long count(String endpoint, String query) {
        try (QueryExec exec = QueryExecHTTP.service(endpoint).query(query).build()) {
            return ((Number) exec.select().next().get("n").getLiteralValue()).longValue();
        }
    }

    private static Set<Node> graphNames() {
        return Txn.calculateRead(dataset, () -> { Set<Node> names = new HashSet<>(); dataset.listGraphNodes().forEachRemaining(names::add); return names; });
    }

    private static Set<Node> namedGraphs(Graph description) {
        Set<Node> names = new HashSet<>();
        description.find(Node.ANY, uri(SD + "namedGraph"), Node.ANY).forEachRemaining(t ->
                description.find(t.getObject(), uri(SD + "name"), Node.ANY).forEachRemaining(n -> names.add(n.getObject())));
        assertNotNull(names);
        return names;
    }

    private static Graph parse(HttpResponse<String> response, String base) {
        String type = response.headers().firstValue("Content-Type").orElse("text/turtle").split(";")[0];
        Lang lang = type.equals("application/json") ? Lang.JSONLD : RDFLanguages.contentTypeToLang(type);
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(response.body(), lang).base(base).parse(graph);
        return graph;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
