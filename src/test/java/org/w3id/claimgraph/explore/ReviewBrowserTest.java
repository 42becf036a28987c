package org.w3id.claimgraph.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.project.Sha256;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.server.ClaimServer;
import org.w3id.claimgraph.store.TdbStore;
import org.w3id.claimgraph.support.BrowserTests;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;
import org.w3id.claimgraph.validate.Validator;

/**
 * The review of candidates end to end (issue 18, item 4): an article ingested into a copy of the seeds, loaded into a
 * real TDB2 directory, served with update users as {@code serve --tdb --update-users} does; in headless Chromium
 * ({@code src/test/browser/review.test.mjs}) a curator signs in, accepts, rejects, corrects and adds evidence, each
 * decision recorded with who and when (PROV-O) through the server's checked writes; the decisions survive a restart
 * of the server on the same directory; {@code export --document ID --format claims} writes the reviewed document in
 * the compact claim format, which {@code check} accepts in seeds/claims/. Without update users there is no /review.
 */
class ReviewBrowserTest {
    private static final String ARTICLE = """
            Magnesium and Sleep

            Magnesium improves sleep quality in older adults.
            Magnesium reduces cortisol, experts believe.
            Calcium may worsen anxiety.
            Magnesium glycinate is better absorbed than magnesium oxide.
            """;

    @TempDir
    Path dir;

    @Test
    void aCuratorReviewsCandidatesInTheBrowserAndTheDocumentIsExportedBack() throws Exception {
        TestProject project = TestProject.copyOfSeeds(dir.resolve("home"));
        Path article = Files.writeString(dir.resolve("article.txt"), ARTICLE, StandardCharsets.UTF_8);
        CliRun ingest = CliRun.in(project.home(), "ingest", article.toString(), "--title", "Magnesium and Sleep", "--published", "2024-05-01");
        assertEquals(0, ingest.exitCode(), ingest.err());
        String document = "005_" + Sha256.hex(ARTICLE.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        Path db = dir.resolve("db");
        CliRun load = CliRun.in(project.home(), "load", "--tdb", db.toString());
        assertEquals(0, load.exitCode(), load.err());
        int candidates = RDFDataMgr.loadGraph(project.path("seeds/claims/" + document + ".ttl").toString())
                .find(Node.ANY, NodeFactory.createURI("https://w3id.org/claimgraph/ontology#status"), Node.ANY).toList().size();
        assertTrue(candidates >= 4, "the article gives at least four candidates: " + candidates);
        CliRun unreviewed = CliRun.in(project.home(), "export", "--tdb", db.toString(), "--document", document, "--format", "claims");
        assertEquals(2, unreviewed.exitCode(), "a document with candidates is not exported as curated claims");
        assertTrue(unreviewed.err().contains("still candidates"), unreviewed.err());
        Path users = Files.writeString(dir.resolve("users"), "ada: lovelace\n");
        ProjectLayout layout = new ProjectLayout(project.home());

        DatasetGraph tdb = TdbStore.open(db);
        ClaimServer server = serve(layout, tdb, users);
        try {
            browserTests(server.url(), document);
        } finally {
            server.stop();
            TdbStore.close(tdb);
        }

        // After a restart on the same directory, every decision is there with who and when.
        DatasetGraph reopened = TdbStore.open(db);
        ClaimServer again = ClaimServer.builder().dataset(reopened).port(0).updateUsers(users).build().start();
        try {
            String decisions = sparql(again, """
                    PREFIX cg: <https://w3id.org/claimgraph/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
                    SELECT (COUNT(*) AS ?n) WHERE { ?d a cg:ReviewDecision ; prov:used ?c ; cg:decision ?x ;
                      prov:wasAssociatedWith <https://w3id.org/claimgraph/id/curator/ada> ; prov:endedAtTime ?t }""");
            assertTrue(decisions.contains("\"" + candidates + "\""), "the page's decision on each candidate survives the restart: " + decisions);
            String left = sparql(again, "PREFIX cg: <https://w3id.org/claimgraph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?c cg:status cg:Candidate }");
            assertTrue(left.contains("\"0\""), "no candidate left: " + left);
        } finally {
            again.stop();
            TdbStore.close(reopened);
        }

        // The reviewed document goes back to seeds/claims/ in the compact format, and the project checks.
        Path claims = project.path("seeds/claims/" + document + ".ttl");
        CliRun export = CliRun.in(project.home(), "export", "--tdb", db.toString(), "--document", document, "--format", "claims", "--out", claims.toString());
        assertEquals(0, export.exitCode(), export.err());
        String exported = Files.readString(claims, StandardCharsets.UTF_8);
        assertFalse(exported.contains("cg:status"), "accepted claims are written as curated ones:\n" + exported);
        Graph g = RDFDataMgr.loadGraph(claims.toString());
        Node claimType = NodeFactory.createURI("https://w3id.org/claimgraph/ontology#Claim");
        assertEquals(candidates - 1, g.find(Node.ANY, NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), claimType).toList().size(),
                "all accepted (one of them corrected) but the rejected one:\n" + exported);
        assertTrue(exported.contains("cg:negated true") && exported.contains("cg:qualifier \"in older adults\""), "the correction is kept:\n" + exported);
        assertTrue(exported.contains("reference:dai-2018"), "the evidence the curator added is kept:\n" + exported);
        CliRun check = CliRun.in(project.home(), "check");
        assertEquals(0, check.exitCode(), "check passes with the exported claims: " + check.err());
    }

    @Test
    void withoutUpdateUsersThereIsNoReviewPage() throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        DatasetGraph dataset = org.w3id.claimgraph.build.GraphBuild.create().layout(layout).build().asDatasetGraph();
        ClaimServer server = serve(layout, dataset, null);
        try {
            HttpResponse<String> review = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "review")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, review.statusCode());
        } finally {
            server.stop();
        }
    }

    /** The server as {@code serve} wires it: SPARQL, the query API, the explorer and its findings, writes with users. */
    private static ClaimServer serve(ProjectLayout layout, DatasetGraph dataset, Path users) {
        ClaimServer.Builder builder = ClaimServer.builder().dataset(dataset).port(0).updateUsers(users)
                .queryRewrite(QueryLibrary.resolver(layout));
        GraphSource source = GraphSource.of(builder.servedDataset(), "review test");
        ClaimFindings findings = ClaimFindings.fromValidator(Validator.load(layout), GraphSource.of(dataset, "review test"));
        return Explorer.install(builder, layout, source, findings).build().start();
    }

    private static String sparql(ClaimServer server, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void browserTests(String url, String document) throws IOException, InterruptedException {
        String output = BrowserTests.run("review.test.mjs", Map.of("EXPLORER_URL", url, "DOCUMENT", document, "CURATOR", "ada", "PASSWORD", "lovelace"));
        assertTrue(output.contains("pass 1"), output);
    }
}
