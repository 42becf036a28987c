package org.w3id.claimgraph.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.graph.Node;
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
        Txn.executeWrite(dataset, () -> hostile(dataset));
        QueryLibrary library = QueryLibrary.load(layout);
        GraphSource target = GraphSource.of(dataset, "seed graph");
        ClaimServer.Builder builder = ClaimServer.builder().dataset(dataset).port(0).queryRewrite(QueryLibrary.resolver(layout))
                .addServlet("/api/*", new QueryApiServlet(library, target)).corsPath("/api/*");
        // As ./claimgraph serve does: the claim pages show the validation engine's findings.
        ClaimFindings findings = ClaimFindings.fromValidator(Validator.load(layout),
                GraphSource.of(dataset, "seed graph"));
        server = Explorer.install(builder, layout, target, findings).build().start();
    }

    /**
     * Markup and script in what the graph says, as a hostile source might write it (issue 19, item 9): in a document's
     * title, a concept's label and a claim's quote. The browser test looks for the elements it would inject.
     */
    static final String HOSTILE = " <img src=x onerror=\"window.__pwned=1\" data-hostile=1></script>"
            + "<script data-hostile=1>window.__pwned=2</script><a data-hostile=1 href=\"javascript:window.__pwned=3\">link</a>";

    private static void hostile(DatasetGraph dataset) {
        Node title = NodeFactory.createURI("http://purl.org/dc/terms/title");
        Node label = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#prefLabel");
        Node exact = NodeFactory.createURI("http://www.w3.org/ns/oa#exact");
        Node quote = NodeFactory.createURI(CG.NS + "quote");
        Node selector = NodeFactory.createURI("http://www.w3.org/ns/oa#hasSelector");
        appendHostile(dataset, NodeFactory.createURI(CG.ID + "document/004_2235d8500ff77c3b"), title);
        appendHostile(dataset, NodeFactory.createURI(CG.ID + "concept/restlessness"), label);
        Node claim = NodeFactory.createURI(CG.ID + "claim/004-070");
        for (var q : org.apache.jena.atlas.iterator.Iter.toList(dataset.find(Node.ANY, claim, quote, Node.ANY))) {
            for (var sel : org.apache.jena.atlas.iterator.Iter.toList(dataset.find(Node.ANY, q.getObject(), selector, Node.ANY))) {
                if (dataset.contains(Node.ANY, sel.getObject(), exact, Node.ANY)) appendHostile(dataset, sel.getObject(), exact);
            }
        }
    }

    private static void appendHostile(DatasetGraph dataset, Node subject, Node property) {
        var found = org.apache.jena.atlas.iterator.Iter.toList(dataset.find(Node.ANY, subject, property, Node.ANY));
        if (found.isEmpty()) throw new IllegalStateException("nothing to make hostile: " + subject + " " + property);
        for (var q : found) {
            dataset.delete(q);
            Node o = q.getObject();
            Node changed = o.getLiteralLanguage().isEmpty() ? NodeFactory.createLiteralString(o.getLiteralLexicalForm() + HOSTILE)
                    : NodeFactory.createLiteralLang(o.getLiteralLexicalForm() + HOSTILE, o.getLiteralLanguage());
            dataset.add(q.getGraph(), subject, property, changed);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    @Test
    void explorerPassesItsBrowserTests() throws IOException, InterruptedException {
        String output = BrowserTests.run("explorer.test.mjs", Map.of("EXPLORER_URL", server.url()));
        Path shots = BrowserTests.SCREENSHOTS;
        assertTrue(output.contains("pass 11"), "expected 11 passing browser tests:\n" + output);
        assertTrue(Files.exists(shots.resolve("scenario-3-document.png")), "no screenshot of the scenario's document highlight");
    }
}
