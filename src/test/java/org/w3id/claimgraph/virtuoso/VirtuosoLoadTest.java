package org.w3id.claimgraph.virtuoso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.query.QueryFixture;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;
import org.w3id.claimgraph.support.VirtuosoServer;
import org.w3id.claimgraph.graph.GraphSource;

/**
 * {@code load --endpoint URL --engine virtuoso} against a real Virtuoso: the graph it serves, the swap that
 * replaces it only once a load is complete, and the engines and settings it refuses.
 */
class VirtuosoLoadTest {
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    private static final String CLAIMS = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <https://w3id.org/claimgraph/ontology#Claim> }";

    private static VirtuosoServer virtuoso;
    private static String endpoint;

    /** The seed graph's statements (the union of its named graphs, the derived graph included) and claims, counted in process. */
    private static long seedTriples;
    private static long seedClaims;

    @BeforeAll
    static void start() {
        seedTriples = GraphSource.of(QueryFixture.seeds(), "seed graph").stream(QueryFactory.create(COUNT), null,
                rows -> ((Number) rows.next().get(Var.alloc("n")).getLiteralValue()).longValue());
        seedClaims = GraphSource.of(QueryFixture.seeds(), "seed graph").stream(QueryFactory.create(CLAIMS), null,
                rows -> ((Number) rows.next().get(Var.alloc("n")).getLiteralValue()).longValue());
        virtuoso = VirtuosoServer.start();
        endpoint = virtuoso.endpoint();
    }

    @AfterAll
    static void stop() {
        if (virtuoso != null) virtuoso.close();
    }

    @TempDir
    Path dir;

    @Test
    void theSeedsAreServedAsTheEndpointsDefaultGraphAndNothingElse() {
        CliRun load = load(TestProject.REPO);
        assertEquals(0, load.exitCode(), load.err());
        String graph = servedGraph();
        assertTrue(load.out().startsWith("loaded " + seedTriples + " triples (" + seedClaims + " claims, 5 documents) into <" + graph + ">, the default graph of " + endpoint),
                load.out());
        // Exactly the statements the build wrote: none of Virtuoso's own graphs, none of another load.
        assertEquals(seedTriples, count(endpoint));
        assertEquals(List.of(Long.toString(seedTriples)), virtuoso.sql("select count(*) from DB.DBA.RDF_QUAD where G = iri_to_id('" + graph + "', 0);"));
        CliRun summary = CliRun.in(TestProject.REPO, "query", "graph-summary", "--format", "csv", "--endpoint", endpoint);
        assertEquals(CliRun.in(TestProject.REPO, "query", "graph-summary", "--format", "csv").out(), summary.out(), summary.err());
        assertEquals(List.of(), leftovers(), "the load directory is left empty");
    }

    @Test
    void aSecondLoadReplacesTheFirstAndDropsIt() {
        assertEquals(0, load(TestProject.REPO).exitCode());
        String first = servedGraph();
        CliRun second = load(TestProject.REPO);
        assertEquals(0, second.exitCode(), second.err());
        String now = servedGraph();
        assertNotEquals(first, now);
        assertTrue(second.out().contains("(replacing <" + first + ">)"), second.out());
        assertEquals(List.of("0"), virtuoso.sql("select count(*) from DB.DBA.RDF_QUAD where G = iri_to_id('" + first + "', 0);"));
        assertFalse(recordedLoads().contains(first), "the dropped load is no longer recorded");
        assertEquals(seedTriples, count(endpoint));
    }

    @Test
    void aLoadThatFailsLeavesTheServedGraphAsItWas() {
        assertEquals(0, load(TestProject.REPO).exitCode());
        String served = servedGraph();
        List<String> recorded = recordedLoads();

        // The build fails: nothing reaches Virtuoso.
        TestProject broken = TestProject.copyOfSeeds(dir.resolve("broken"))
                .replace("seeds/claims/003_497fb625f584bf77.ttl", "cg:quoted \"", "cg:quoted \"Not in the text at all. ");
        CliRun failed = load(broken.home());
        assertEquals(1, failed.exitCode(), failed.err());

        // The data is loaded and the swap done for the Host given, but the endpoint URL reaches Virtuoso under
        // another Host name, which gets no default graph: the loader sees it and undoes the swap.
        String host = VirtuosoLoader.hostOf(java.net.URI.create(endpoint));
        List<String> args = new ArrayList<>(virtuoso.loadOptions(endpoint.replace("//127.0.0.1:", "//localhost:")));
        args.addAll(List.of("--sparql-host", host));
        CliRun unserved = CliRun.in(TestProject.REPO, command(args));
        assertEquals(2, unserved.exitCode(), unserved.out());
        assertTrue(unserved.err().contains("does not serve the loaded graph as its default graph"), unserved.err());

        assertEquals(served, servedGraph());
        assertEquals(seedTriples, count(endpoint));
        assertEquals(recorded, recordedLoads(), "the failed loads' graphs are dropped");
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aGraphLeftByAnInterruptedLoadIsDroppedByTheNext() {
        String stale = VirtuosoLoader.GRAPH_PREFIX + "interrupted-test";
        virtuoso.sql("sparql insert data { graph <" + stale + "> { <urn:claimgraph:test> <urn:claimgraph:p> 1 } };\n"
                + "sparql insert data { graph <" + VirtuosoLoader.LOADS_GRAPH + "> { <" + stale + "> a <http://www.w3.org/ns/prov#Entity> } };\n");
        CliRun load = load(TestProject.REPO);
        assertEquals(0, load.exitCode(), load.err());
        assertTrue(load.err().contains("clean: dropping <" + stale + ">"), load.err());
        assertEquals(List.of("0"), virtuoso.sql("select count(*) from DB.DBA.RDF_QUAD where G = iri_to_id('" + stale + "', 0);"));
    }

    @Test
    void whatTheEngineOrTheCommandLacksIsNamed() throws IOException {
        CliRun noEngine = CliRun.in(TestProject.REPO, "load", "--endpoint", endpoint);
        assertEquals(2, noEngine.exitCode());
        assertTrue(noEngine.err().contains("--endpoint needs --engine"), noEngine.err());

        CliRun otherEngine = CliRun.in(TestProject.REPO, "load", "--endpoint", endpoint, "--engine", "fuseki");
        assertEquals(2, otherEngine.exitCode());
        assertTrue(otherEngine.err().contains("no loader for engine fuseki; claimgraph can load into: virtuoso"), otherEngine.err());

        CliRun both = CliRun.in(TestProject.REPO, "load", "--endpoint", endpoint, "--tdb", dir.resolve("tdb").toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("one of --tdb DIR and --endpoint URL"), both.err());

        // A load directory Virtuoso may not read (not under its DirsAllowed).
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        List<String> args = new ArrayList<>(virtuoso.loadOptions(endpoint));
        args.set(args.indexOf("--load-dir") + 1, elsewhere.toString());
        CliRun notAllowed = CliRun.in(TestProject.REPO, command(args));
        assertEquals(2, notAllowed.exitCode());
        assertTrue(notAllowed.err().contains("cannot serve claimgraph: it lacks read access to the load directory " + elsewhere
                + ": it is not under [Parameters] DirsAllowed"), notAllowed.err());

        // Another Host with a default graph of its own: Virtuoso 7.2 would apply only one of the two.
        virtuoso.sql("insert into DB.DBA.SYS_SPARQL_HOST (SH_HOST, SH_GRAPH_URI) values ('elsewhere.invalid', 'urn:claimgraph:test:other');");
        try {
            CliRun twoHosts = CliRun.in(TestProject.REPO, command(virtuoso.loadOptions(endpoint)));
            assertEquals(2, twoHosts.exitCode());
            assertTrue(twoHosts.err().contains("DB.DBA.SYS_SPARQL_HOST already gives a default graph to elsewhere.invalid"), twoHosts.err());
        } finally {
            virtuoso.sql("delete from DB.DBA.SYS_SPARQL_HOST where SH_HOST = 'elsewhere.invalid';");
        }

        List<String> wrongPassword = new ArrayList<>(virtuoso.loadOptions(endpoint));
        Path file = Files.writeString(dir.resolve("wrong"), "not-the-password\n");
        wrongPassword.set(wrongPassword.indexOf("--isql-password-file") + 1, file.toString());
        CliRun refused = CliRun.in(TestProject.REPO, command(wrongPassword));
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("Bad login"), refused.err());
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private CliRun load(Path home) {
        List<String> args = new ArrayList<>(virtuoso.loadOptions(endpoint));
        args.addAll(List.of("--home", home.toString(), "--progress"));
        return CliRun.in(TestProject.REPO, command(args));
    }

    private static String[] command(List<String> loadOptions) {
        List<String> all = new ArrayList<>(List.of("load"));
        all.addAll(loadOptions);
        return all.toArray(String[]::new);
    }

    private String servedGraph() {
        String host = VirtuosoLoader.hostOf(java.net.URI.create(endpoint));
        List<String> rows = virtuoso.sql("select SH_GRAPH_URI from DB.DBA.SYS_SPARQL_HOST where SH_HOST = '" + host + "';");
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    private List<String> recordedLoads() {
        return virtuoso.sql("sparql select ?g from <" + VirtuosoLoader.LOADS_GRAPH + "> where { ?g a <http://www.w3.org/ns/prov#Entity> } order by ?g;");
    }

    private List<Path> leftovers() {
        try (Stream<Path> files = Files.list(virtuoso.loadDir())) {
            return files.filter(p -> p.getFileName().toString().startsWith("claimgraph-")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long count(String endpoint) {
        return GraphSource.endpoint(endpoint).stream(QueryFactory.create(COUNT), null,
                rows -> ((Number) rows.next().get(Var.alloc("n")).getLiteralValue()).longValue());
    }
}
