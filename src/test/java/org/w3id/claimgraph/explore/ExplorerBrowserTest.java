package org.w3id.claimgraph.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.GraphNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.claimgraph.support.BrowserTests;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.api.QueryApiServlet;
import org.w3id.claimgraph.server.ClaimServer;
import org.w3id.claimgraph.validate.Validator;

/**
 * The explorer in a real browser: serves the seed graph as {@code serve} does, on a free port, and runs
 * {@code src/test/browser/explorer.test.mjs} (node's test runner, playwright-core driving headless Debian
 * Chromium) against it. Screenshots land in {@code target/explorer-screenshots/}. Fails, never skips, when
 * Chromium or the test's node_modules are missing: {@code mvn verify} installs both first (src/test/setup/test-tools.sh).
 */
class ExplorerBrowserTest {
    private static ClaimServer server;

    @BeforeAll
    static void serve() {
        ProjectLayout layout = ProjectLayout.locate();
        DatasetGraph dataset = GraphBuild.create().layout(layout).build().asDatasetGraph();
        // A link the shapes would refuse, as a graph from elsewhere might hold it: the page must not make it a link.
        Txn.executeWrite(dataset, () -> dataset.add(NodeFactory.createURI(GraphNames.CONCEPTS),
                NodeFactory.createURI(CG.ID + "concept/magnesium-glycinate"),
                NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#closeMatch"),
                NodeFactory.createURI("javascript:alert(document.domain)")));
        QueryLibrary library = QueryLibrary.load(layout);
        GraphSource target = GraphSource.of(dataset, "seed graph");
        ClaimServer.Builder builder = ClaimServer.builder().dataset(dataset).port(0).queryRewrite(QueryLibrary.resolver(layout))
                .addServlet("/api/*", new QueryApiServlet(library, target)).corsPath("/api/*");
        // As ./claimgraph serve does: the claim pages show the validation engine's findings.
        ClaimFindings findings = ClaimFindings.fromValidator(Validator.load(layout),
                GraphSource.of(dataset, "seed graph"));
        server = Explorer.install(builder, layout, target, findings).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    @Test
    void explorerPassesItsBrowserTests() throws IOException, InterruptedException {
        String output = BrowserTests.run("explorer.test.mjs", Map.of("EXPLORER_URL", server.url()));
        Path shots = BrowserTests.SCREENSHOTS;
        assertTrue(output.contains("pass 7"), "expected 7 passing browser tests:\n" + output);
        assertTrue(Files.exists(shots.resolve("scenario-3-document.png")), "no screenshot of the scenario's document highlight");
    }
}
