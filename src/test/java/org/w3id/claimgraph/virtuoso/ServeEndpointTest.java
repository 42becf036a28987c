package org.w3id.claimgraph.virtuoso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.QueryFixture;
import org.w3id.claimgraph.query.QuerySamples;
import org.w3id.claimgraph.support.CliProcess;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;
import org.w3id.claimgraph.support.VirtuosoServer;
import org.w3id.claimgraph.validate.Finding;
import org.w3id.claimgraph.validate.RuleEngine;
import org.w3id.claimgraph.validate.Validator;

/**
 * {@code serve --endpoint URL}: two server processes over one Virtuoso (the seeds and the query fixture, loaded
 * with {@code load --engine virtuoso}) answer the named-query API, the SPARQL endpoint, the {@code /id/} pages and
 * the findings alike, and refuse what a server over an endpoint cannot answer as claimgraph's own server would.
 */
class ServeEndpointTest {
    private static final Pattern SERVING = Pattern.compile("claimgraph serving .* at (http://localhost:\\d+/)kg/sparql");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static VirtuosoServer virtuoso;
    private static final List<CliProcess> servers = new ArrayList<>();
    private static final List<String> urls = new ArrayList<>();

    @BeforeAll
    static void twoServersOverOneVirtuoso() {
        virtuoso = VirtuosoServer.start();
        List<String> args = new ArrayList<>(List.of("load", "--home", QueryFixture.fixtureLayout().home().toString()));
        args.addAll(virtuoso.loadOptions(virtuoso.endpoint()));
        CliRun load = CliRun.in(TestProject.REPO, args.toArray(String[]::new));
        assertEquals(0, load.exitCode(), load.err());
        for (int i = 0; i < 2; i++) {
            CliProcess server = CliProcess.start(QueryFixture.fixtureLayout().home(), List.of("-Xmx512m"), Map.of(),
                    "serve", "--endpoint", virtuoso.endpoint(), "--port", "0", "--timeout", "120s");
            servers.add(server);
            String banner = server.awaitLine(line -> SERVING.matcher(line).find(), Duration.ofMinutes(3))
                    .orElseThrow(() -> new AssertionError("serve --endpoint did not start:\n" + server.output()));
            Matcher m = SERVING.matcher(banner);
            assertTrue(m.find());
            urls.add(m.group(1));
        }
    }

    @AfterAll
    static void stop() {
        servers.forEach(CliProcess::close);
        if (virtuoso != null) virtuoso.close();
    }

    @Test
    void theBannerSaysWhatIsServedFromWhere() {
        String out = servers.get(0).output();
        assertTrue(out.contains("from SPARQL endpoint " + virtuoso.endpoint()), out);
        assertTrue(out.contains("none (the store behind the endpoint keeps one default graph"), out);
    }

    @Test
    void bothServersAnswerEveryNamedQueryAlike() {
        List<String> differences = new ArrayList<>();
        for (QuerySamples.Sample s : QuerySamples.ALL) {
            String query = s.params().entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            List<HttpResponse<String>> answers = urls.stream().map(u -> get(u + "api/queries/" + s.name() + "?" + query, "text/csv")).toList();
            if (answers.get(0).statusCode() != 200) differences.add(s + ": HTTP " + answers.get(0).statusCode() + " " + answers.get(0).body());
            else if (!sortedLines(answers.get(0).body()).equals(sortedLines(answers.get(1).body()))) differences.add(s + ": the two servers differ");
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void theSparqlEndpointSendsQueriesOnToTheStore() {
        String count = "SELECT (COUNT(*) AS ?claims) WHERE { ?c a <https://w3id.org/claimgraph/ontology#Claim> }";
        long claims = GraphSource.of(QueryFixture.withFixture(), "in process").stream(QueryFactory.create(count), null,
                r -> ((Number) r.next().get("claims").getLiteralValue()).longValue());
        for (String url : urls) {
            HttpResponse<String> rows = post(url + "kg/sparql", count, "text/csv");
            assertEquals(200, rows.statusCode(), rows.body());
            assertEquals(List.of("claims", Long.toString(claims)), rows.body().strip().lines().map(String::strip).toList());
            HttpResponse<String> ask = post(url + "kg/sparql", "ASK { <https://w3id.org/claimgraph/id/claim/901-004> ?p ?o }", "application/sparql-results+json");
            assertTrue(ask.body().contains("true"), ask.body());
            HttpResponse<String> graph = post(url + "kg/sparql",
                    "CONSTRUCT { ?c ?p ?o } WHERE { ?c ?p ?o FILTER (?c = <https://w3id.org/claimgraph/id/claim/901-004>) }", "application/n-triples");
            assertEquals(200, graph.statusCode(), graph.body());
            assertTrue(graph.body().lines().count() > 5, graph.body());
            // The rule references of the server's rewrite resolve before the query leaves: the rule's own query runs.
            HttpResponse<String> unsupported = post(url + "kg/sparql", """
                    PREFIX sh: <http://www.w3.org/ns/shacl#> PREFIX cgr: <https://w3id.org/claimgraph/rules#>
                    SELECT (COUNT(DISTINCT ?claim) AS ?n) WHERE { ?r sh:focusNode ?claim ; sh:sourceShape cgr:no-evidence }""", "text/csv");
            assertEquals(200, unsupported.statusCode(), unsupported.body());
            assertTrue(Long.parseLong(unsupported.body().strip().lines().toList().get(1).strip()) > 0, unsupported.body());
        }
    }

    @Test
    void whatAServerOverAnEndpointCannotAnswerIsRefused() {
        String url = urls.get(0);
        HttpResponse<String> service = post(url + "kg/sparql", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "text/csv");
        assertEquals(400, service.statusCode(), service.body());
        HttpResponse<String> from = post(url + "kg/sparql", "SELECT * FROM <urn:x> WHERE { ?s ?p ?o } LIMIT 1", "text/csv");
        assertEquals(400, from.statusCode(), from.body());
        assertTrue(from.body().contains("FROM and FROM NAMED") && from.body().contains("not supported"), from.body());
        HttpResponse<String> describe = post(url + "kg/sparql", "DESCRIBE <https://w3id.org/claimgraph/id/claim/901-004>", "text/turtle");
        assertEquals(400, describe.statusCode(), describe.body());
        assertEquals(404, get(url + "kg/get?default", "text/turtle").statusCode());
        assertEquals(404, post(url + "kg/update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "text/plain").statusCode());
    }

    @Test
    void pagesAndFindingsAreTheSameFromBothServersAndAsInProcess() throws InterruptedException {
        // A claim with findings in process (the rules run by the SPARQL engine over the same fixture).
        Validator validator = Validator.load(QueryFixture.fixtureLayout());
        List<Finding> all = validator.validate(GraphSource.of(QueryFixture.withFixture(), "in process"), RuleEngine.Kind.SPARQL, validator.rules().all());
        String claim = all.stream().map(Finding::claim).sorted().findFirst().orElseThrow();
        List<String> rules = all.stream().filter(f -> f.claim().equals(claim)).map(Finding::rule).distinct().toList();
        String id = claim.substring(claim.lastIndexOf('/') + 1);
        List<HttpResponse<String>> pages = urls.stream().map(u -> get(u + "id/claim/" + id, "text/html")).toList();
        assertEquals(200, pages.get(0).statusCode(), pages.get(0).body());
        assertEquals(pages.get(0).body(), pages.get(1).body());
        String path = "api/findings?claim=" + URLEncoder.encode(claim, StandardCharsets.UTF_8);
        for (String url : urls) {
            HttpResponse<String> findings = get(url + path, "application/json");
            for (int i = 0; findings.statusCode() == 503 && i < 360; i++) {
                Thread.sleep(500);
                findings = get(url + path, "application/json");
            }
            assertEquals(200, findings.statusCode(), findings.body());
            for (String rule : rules) assertTrue(findings.body().contains(rule), rule + " in " + findings.body());
        }
        assertEquals(get(urls.get(0) + path, "application/json").body(), get(urls.get(1) + path, "application/json").body());
    }

    // --- HTTP -----------------------------------------------------------------------------------------------

    private static List<String> sortedLines(String body) {
        return body.lines().sorted().toList();
    }

    private static HttpResponse<String> get(String url, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET());
    }

    private static HttpResponse<String> post(String url, String query, String accept) {
        String field = url.endsWith("update") ? "update=" : "query=";
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(field + URLEncoder.encode(query, StandardCharsets.UTF_8))));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
