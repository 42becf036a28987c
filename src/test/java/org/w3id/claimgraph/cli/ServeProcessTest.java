package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.support.CliProcess;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;

/**
 * {@code ./claimgraph serve} as a process of its own, for what only a whole server shows: a query that fills
 * the heap of a small JVM (issue 20, defect 1), what the server writes to its log (defect 10), and the
 * server's timeout kept out of its start-up and its findings on TDB2 (defect 5).
 */
class ServeProcessTest {
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    @Test
    void aQueryThatFillsTheHeapEndsAloneAndTheServerGoesOn() throws Exception {
        try (CliProcess serve = serve(List.of("-Xmx192m"), "--timeout", "120s")) {
            String base = baseUrl(serve);
            HttpResponse<String> greedy = query(base, "SELECT ?k (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f"
                    + " BIND(CONCAT(STR(?c), STR(?f), STR(?a)) AS ?k) } GROUP BY ?k", Duration.ofMinutes(2));
            assertEquals(503, greedy.statusCode(), greedy.body());
            assertTrue(greedy.body().contains("more memory than this server can give one request"), greedy.body());

            assertEquals(200, get(base + "$/ping").statusCode(), "the server still answers:\n" + serve.output());
            HttpResponse<String> count = query(base, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", Duration.ofMinutes(1));
            assertEquals(200, count.statusCode(), count.body() + "\n" + serve.output());
            assertTrue(count.body().matches("n\\r\\n\\d+\\r\\n"), count.body());
        }
    }

    @Test
    void theLogStaysReadable() throws Exception {
        try (CliProcess serve = serve(List.of("-Xmx512m"), "--timeout", "60s")) {
            String base = baseUrl(serve);
            String longQuery = "SELECT * { ?s ?p ?o } LIMIT 1 # " + "x".repeat(60_000);
            HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "kg/sparql"))
                    .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(longQuery)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, posted.statusCode());
            HttpResponse<String> divide = query(base, "SELECT * { ?s ?p ?o } ORDER BY (1/0)", Duration.ofMinutes(1));
            assertEquals(200, divide.statusCode());
            // The log lines of that request, its last one included, have reached us.
            String queryLine = serve.awaitLine(l -> l.contains("Query = ") && l.contains("ORDER BY"), PATIENCE).orElseThrow();
            Matcher id = Pattern.compile("\\[(\\d+)\\]").matcher(queryLine);
            assertTrue(id.find(), queryLine);
            assertTrue(serve.awaitLine(l -> l.contains("[" + id.group(1) + "] 200"), PATIENCE).isPresent(), serve.output());

            List<String> log = serve.output().lines().toList();
            int longest = log.stream().mapToInt(String::length).max().orElse(0);
            assertTrue(longest <= 1_100, "the longest log line has " + longest + " characters");
            long warnings = log.stream().filter(l -> l.contains("WARN") && l.contains("BindingComparator")).count();
            assertTrue(warnings <= 100, warnings + " warnings for one query's sort keys");
        }
    }

    @Test
    void theTimeoutStaysOutOfStartUpAndTheFindingsAreComputedOnce() throws Exception {
        Path db = dir.resolve("db");
        CliRun load = CliRun.in(TestProject.REPO, "load", "--tdb", db.toString());
        assertEquals(ExitCode.OK, load.exitCode(), load.err());
        // A timeout shorter than any query: start-up counts and findings must not die of it.
        try (CliProcess serve = serve(List.of("-Xmx512m"), "--timeout", "1ms", "--tdb", db.toString())) {
            String base = baseUrl(serve);
            String claim = URLEncoder.encode("https://w3id.org/claimgraph/id/claim/003-001", StandardCharsets.UTF_8);
            HttpResponse<String> findings = get(base + "api/findings?claim=" + claim);
            for (int i = 0; i < 300 && findings.headers().firstValue("Retry-After").isPresent(); i++) {
                Thread.sleep(200);
                findings = get(base + "api/findings?claim=" + claim);
            }
            assertEquals(503, findings.statusCode(), findings.body());
            assertTrue(findings.body().contains("did not finish within their time limit"), findings.body());
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> again = get(base + "api/findings?claim=" + claim);
                assertEquals(findings.body(), again.body(), "the answer is kept, not computed again");
            }
            assertTrue(serve.isAlive());
        }
    }

    private static CliProcess serve(List<String> jvm, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "serve";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(options, 0, args, 3, options.length);
        return CliProcess.start(TestProject.REPO, jvm, Map.of(), args);
    }

    /** The server's address, from the line it prints once it serves. */
    private static String baseUrl(CliProcess serve) {
        String banner = serve.awaitLine(l -> l.startsWith("claimgraph serving"), PATIENCE)
                .orElseThrow(() -> new AssertionError("the server did not start:\n" + serve.output()));
        Matcher port = Pattern.compile("localhost:(\\d+)/").matcher(banner);
        assertTrue(port.find(), banner);
        return "http://localhost:" + port.group(1) + "/";
    }

    private static HttpResponse<String> query(String base, String query, Duration wait) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").timeout(wait).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
