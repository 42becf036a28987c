package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
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

/** {@code claimgraph query}: the list, the errors, and the same answers from --tdb and --endpoint as in memory. */
class QueryCommandTest {
    private static FusekiServer server;
    private static String endpoint;
    private static DatasetGraph tdb;

    @TempDir
    static Path tdbDir;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void start() {
        server = FusekiServer.create().port(0).loopback(true)
                .add("/kg", GraphSource.unionView(QueryFixture.withFixture()), false).build().start();
        endpoint = "http://localhost:" + server.getHttpPort() + "/kg/sparql";
        tdb = QuerySamples.tdb2(tdbDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (tdb != null) TDBInternal.expel(tdb);
    }

    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void listShowsEveryQueryWithItsParametersAndTitle() {
        Run r = run("query", "--list");
        assertEquals(0, r.exit(), r.err());
        QueryLibrary library = QueryFixture.library();
        List<String> lines = r.out().lines().toList();
        assertEquals(library.all().size() + 2, lines.size(), r.out());
        assertTrue(lines.get(0).matches("name +parameters +title"), lines.get(0));
        for (NamedQuery q : library.all()) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(q.name() + " ") && l.endsWith(q.title())), q.name());
        }
        assertTrue(lines.stream().anyMatch(l -> l.matches("mechanism-paths +\\[mineral:iri=concept:magnesium\\] \\[outcome:iri\\] \\[includeCandidates:boolean=false\\] +Mechanisms linking a mineral to an outcome")), r.out());
    }

    @Test
    void everySampleAnswersTheSameFromTdbAndFromTheEndpointAsInMemory() {
        QueryLibrary library = QueryFixture.library();
        for (QuerySamples.Sample s : QuerySamples.ALL) {
            boolean sorted = library.get(s.name()).parse().hasOrderBy();
            // The rows from each source as CSV; the table, a writer of the same rows, from the endpoint (whose
            // results are the furthest from the in-memory ones: parsed back from the protocol).
            for (ResultFormat format : List.of(ResultFormat.CSV, ResultFormat.TABLE)) {
                String expected = inOrder(sorted, local(library, s, format));
                if (format == ResultFormat.CSV) {
                    Run viaTdb = run(args(s, format, "--tdb", tdbDir.toString()));
                    assertEquals(0, viaTdb.exit(), s + ": " + viaTdb.err());
                    assertEquals(expected, inOrder(sorted, viaTdb.out()), s + " --tdb " + format);
                }
                Run viaEndpoint = run(args(s, format, "--endpoint", endpoint));
                assertEquals(0, viaEndpoint.exit(), s + ": " + viaEndpoint.err());
                assertEquals(expected, inOrder(sorted, viaEndpoint.out()), s + " --endpoint " + format);
            }
        }
    }

    @Test
    void theDefaultIsTheSeedGraph() {
        Run r = run("query", "claims-per-document", "--format", "tsv");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("?document\t?genre\t?title\t?claims", lines.get(0));
        assertEquals(6, lines.size(), "the five seed documents, not the fixture's");
        assertTrue(lines.get(1).startsWith("\"000_8d91ced1eef075e5\"\t\"vendor page\"@en\t\"How Calcium and Magnesium Boost Oxytocin for Bonding and Well-being?\""), lines.get(1));
    }

    @Test
    void limitAndOffsetPrintOnePageFromEverySource() {
        for (String[] source : List.of(new String[] {"--tdb", tdbDir.toString()}, new String[] {"--endpoint", endpoint})) {
            Run whole = run(concat(new String[] {"query", "references-cited", "--format", "csv"}, source));
            assertEquals(0, whole.exit(), whole.err());
            List<String> rows = List.of(whole.out().split("\r\n"));
            assertTrue(rows.size() > 4, "a header and enough rows: " + rows.size());
            Run page = run(concat(new String[] {"query", "references-cited", "--format", "csv", "--limit", "2", "--offset", "1"}, source));
            assertEquals(0, page.exit(), page.err());
            assertEquals(List.of(rows.get(0), rows.get(2), rows.get(3)), List.of(page.out().split("\r\n")), source[0]);
        }
        assertUsage(run("query", "graph-summary", "--limit", "-1"), "limit must be 0 or more, not -1");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * Issue 19, item 4: {@code --show} prints the exact text that is run, parameters, defaults, rules and page
     * included; sent as it is to a plain Fuseki (no claimgraph in it), it gives the rows claimgraph gives.
     */
    @Test
    void showPrintsTheExactTextThatAnyEndpointAnswersAsClaimgraphDoes() {
        List<String[]> calls = new ArrayList<>();
        for (QuerySamples.Sample s : QuerySamples.ALL) calls.add(args(s, ResultFormat.CSV));
        calls.add(new String[] {"query", "unsupported-claims", "--format", "csv", "--limit", "3", "--offset", "2"});
        for (String[] call : calls) {
            Run ran = run(append(call, "--tdb", tdbDir.toString()));
            assertEquals(0, ran.exit(), ran.err());
            Run shown = run(append(call, "--show"));
            assertEquals(0, shown.exit(), shown.err());
            assertTrue(!shown.out().contains("sh:sourceShape") && !shown.out().contains("shacl#sourceShape"), "rules resolved: " + shown.out());
            java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
            try (var exec = org.apache.jena.sparql.exec.http.QueryExecHTTP.service(endpoint).queryString(shown.out()).build()) {
                var rows = exec.select();
                ResultFormat.CSV.write(rows, csv, Prefixes.forQuery(org.apache.jena.query.QueryFactory.create(shown.out()).getPrefixMapping()));
            }
            boolean sorted = QueryFixture.library().get(call[1]).parse().hasOrderBy();
            assertEquals(inOrder(sorted, ran.out()), inOrder(sorted, csv.toString(StandardCharsets.UTF_8)), String.join(" ", call) + "\n" + shown.out());
        }
    }

    private static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void usageErrorsExitWith2AndNameTheProblem() {
        assertUsage(run("query", "claims-about"), "missing parameter 'concept'");
        assertUsage(run("query", "claims-about", "-p", "concept=no such thing"), "parameter 'concept' (iri): 'no such thing' is not an IRI");
        assertUsage(run("query", "documents-by-unsupported-share", "--param", "minClaims=1.5"), "parameter 'minClaims' (integer): '1.5' is not an integer");
        assertUsage(run("query", "claims-about", "-p", "concept"), "--param concept: expected NAME=VALUE");
        assertUsage(run("query", "claims-about", "-p", "concept=cg:a", "-p", "concept=cg:b"), "--param concept is given more than once");
        assertUsage(run("query", "claims-about", "-p", "concept=cg:a", "-p", "colour=red"), "unknown parameter 'colour'");
        assertUsage(run("query", "no-such-query"), "no query named 'no-such-query'");
        assertUsage(run("query", "graph-summary", "--format", "yaml"), "unknown format 'yaml'");
        assertUsage(run("query"), "give a query NAME or --list");
        assertUsage(run("query", "graph-summary", "--tdb", tdbDir.resolve("missing").toString()), "no such TDB2 database directory");
        assertUsage(run("query", "graph-summary", "--tdb", Path.of("queries").toString()), "not a TDB2 database");
        assertUsage(run("query", "graph-summary", "--tdb", tdbDir.toString(), "--endpoint", endpoint), "mutually exclusive");
        assertUsage(run("query", "graph-summary", "--endpoint", "ftp://example.org/sparql"), "not an http(s) URL");
        assertUsage(run("query", "graph-summary", "--endpoint", "http://localhost:1/sparql"), "endpoint http://localhost:1/sparql");
    }

    private static void assertUsage(Run r, String fragment) {
        assertEquals(ExitCode.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertEquals("", r.out());
    }

    private static String[] args(QuerySamples.Sample s, ResultFormat format, String... source) {
        List<String> args = new ArrayList<>(List.of("query", s.name(), "--format", format.keyword()));
        s.params().forEach((k, v) -> args.addAll(List.of("--param", k + "=" + v)));
        args.addAll(List.of(source));
        return args.toArray(String[]::new);
    }

    /**
     * The output as it is for a query that sorts its rows; for an unsorted export, which each store gives in the
     * order it finds the rows, its lines sorted, so that two stores' answers compare as the same rows.
     */
    private static String inOrder(boolean sorted, String output) {
        return sorted ? output : output.lines().sorted().collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String local(QueryLibrary library, QuerySamples.Sample s, ResultFormat format) {
        Query query = library.get(s.name()).bind(s.params());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(GraphSource.of(QueryFixture.withFixture(), "memory").select(query), out, Prefixes.forQuery(query.getPrefixMapping()));
        return out.toString(StandardCharsets.UTF_8);
    }
}
