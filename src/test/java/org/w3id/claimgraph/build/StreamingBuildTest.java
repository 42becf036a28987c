package org.w3id.claimgraph.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.support.TestProject;
import org.w3id.claimgraph.project.BuildFailure;
import org.w3id.claimgraph.project.ProjectLayout;

/** The streaming build gives the in-memory build's dataset and finds the same problems. */
class StreamingBuildTest {
    @TempDir
    Path dir;

    @Test
    void theSeedsStreamToTheSameDatasetAsTheInMemoryBuild() {
        // The streamed N-Quads hold what is built; what the build phases compute (the derived graph, the findings,
        // the summaries, the indexes) is added once they are loaded.
        DatasetGraph expected = GraphBuild.create().layout(ProjectLayout.locate()).phases(List.of()).build().asDatasetGraph();
        GraphBuild.Result result = GraphBuild.create().layout(ProjectLayout.locate()).writeNQuads(dir.resolve("seeds.nq"));
        DatasetGraph streamed = RDFDataMgr.loadDatasetGraph(result.file().toString());

        assertEquals(graphNames(expected), graphNames(streamed));
        assertEquals(expected.stream().count(), result.quads());
        assertEquals(expected.stream().count(), streamed.stream().count());
        assertEquals(5, result.documents());
        for (String name : graphNames(expected)) {
            Node g = org.apache.jena.graph.NodeFactory.createURI(name);
            Graph a = expected.getGraph(g);
            Graph b = streamed.getGraph(g);
            assertEquals(a.size(), b.size(), name);
            assertTrue(a.isIsomorphicWith(b), "graph " + name + " differs");
        }
        assertEquals(expected.prefixes().get("claim"), result.prefixes().get("claim"));
    }

    @Test
    void aQuoteThatIsNotInItsDocumentFailsAndWritesNothing() throws IOException {
        TestProject project = TestProject.minimal(dir.resolve("home"))
                .replace("seeds/claims/003_497fb625f584bf77.ttl", "cg:quoted \"", "cg:quoted \"Not in the text at all. ");
        Path out = dir.resolve("out.nq");
        BuildFailure failure = assertThrows(BuildFailure.class,
                () -> GraphBuild.create().layout(project.layout()).writeNQuads(out));
        assertTrue(failure.problems().stream().anyMatch(p -> p.file().equals("seeds/claims/003_497fb625f584bf77.ttl")
                && p.message().contains("document 003_497fb625f584bf77")), failure.problems().toString());
        assertFalse(Files.exists(out));
        assertEquals(List.of(project.home()), listing(dir), "no partial file left");
    }

    @Test
    void aShapeViolationInOneDocumentIsReportedAgainstItsClaim() throws IOException {
        TestProject project = TestProject.minimal(dir.resolve("home"))
                .replace("seeds/claims/003_497fb625f584bf77.ttl", "cg:hedged false ;", "cg:hedged \"no\" ;");
        BuildFailure inMemory = assertThrows(BuildFailure.class, () -> GraphBuild.create().layout(project.layout()).build());
        BuildFailure streamed = assertThrows(BuildFailure.class,
                () -> GraphBuild.create().layout(project.layout()).writeNQuads(dir.resolve("out.nq")));
        assertEquals(Set.copyOf(inMemory.problems()), Set.copyOf(streamed.problems()));
        assertTrue(streamed.problems().stream().anyMatch(p -> p.node() != null && p.node().contains("/claim/003-")
                && p.message().contains("cg:hedged")), streamed.problems().toString());
    }

    private static Set<String> graphNames(DatasetGraph dsg) {
        Set<String> names = new TreeSet<>();
        dsg.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        return names;
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
