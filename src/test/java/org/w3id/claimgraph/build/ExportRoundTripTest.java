package org.w3id.claimgraph.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;

/** Every export format re-parses to the same graph or dataset as the build produced. */
class ExportRoundTripTest {
    @TempDir
    static Path dir;

    static TestProject project;
    static Dataset built;

    @BeforeAll
    static void build() {
        project = TestProject.copyOfSeeds(dir.resolve("project"));
        built = GraphBuild.create().layout(project.layout()).build();
    }

    @ParameterizedTest
    @CsvSource({"trig, TRIG", "nquads, NQUADS", "jsonld, JSONLD11"})
    void datasetFormatsRoundTrip(String format, String langName) throws Exception {
        Path out = dir.resolve("export." + format);
        CliRun run = CliRun.in(project.home(), "export", "--format", format, "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Lang lang = switch (langName) {
            case "TRIG" -> Lang.TRIG;
            case "NQUADS" -> Lang.NQUADS;
            default -> Lang.JSONLD11;
        };
        DatasetGraph reread = DatasetGraphFactory.createGeneral();
        RDFParser.source(out).lang(lang).parse(reread);
        assertSameDataset(built.asDatasetGraph(), reread, format);
    }

    /**
     * Graph by graph with jena-core's graph matcher: the shapes graph is full of blank nodes (SHACL
     * property shapes, RDF lists), which a whole-dataset tuple matcher explores exponentially.
     */
    static void assertSameDataset(DatasetGraph expected, DatasetGraph actual, String format) {
        List<Node> names = Iter.toList(expected.listGraphNodes());
        assertEquals(Set.copyOf(names), Set.copyOf(Iter.toList(actual.listGraphNodes())), format + ": graph names differ");
        for (Node name : names) {
            assertTrue(expected.getGraph(name).isIsomorphicWith(actual.getGraph(name)), format + ": graph " + name + " differs");
        }
        assertTrue(actual.getDefaultGraph().isEmpty(), format + ": unexpected default graph content");
    }

    @Test
    void turtleExportIsTheUnionOfAllGraphs() throws Exception {
        Path out = dir.resolve("export.ttl");
        CliRun run = CliRun.in(project.home(), "export", "--format", "turtle", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Graph reread = GraphFactory.createDefaultGraph();
        RDFParser.source(out).lang(Lang.TURTLE).parse(reread);
        assertTrue(reread.isIsomorphicWith(built.getUnionModel().getGraph()));
    }

    @Test
    void jsonLdCarriesItsContextInline() throws Exception {
        Path out = dir.resolve("inline.jsonld");
        assertEquals(0, CliRun.in(project.home(), "export", "--format", "jsonld", "--out", out.toString()).exitCode());
        String json = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"@context\""));
        assertFalse(json.matches("(?s).*\"@context\"\\s*:\\s*\"http.*"), "the @context must not be a remote URL");
    }
}
