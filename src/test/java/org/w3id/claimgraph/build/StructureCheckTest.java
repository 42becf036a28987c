package org.w3id.claimgraph.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.support.TestProject;

/**
 * The per-document structural check reports, for a document's nodes, exactly what Jena SHACL's validation of
 * each node on its own reports, in the same order, though it only validates the shapes that target each node.
 */
class StructureCheckTest {
    static final Path BROKEN = TestProject.REPO.resolve("src/test/resources/fixtures/structure/broken-document.ttl");

    @TempDir
    static Path dir;
    static Shapes shapes;
    static Graph shared;
    static Graph document003;

    @BeforeAll
    static void buildTheMinimalProject() {
        DatasetGraph built = GraphBuild.create().layout(TestProject.minimal(dir).layout()).build().asDatasetGraph();
        shapes = Shapes.parse(built.getGraph(NodeFactory.createURI(GraphNames.SHAPES)));
        shared = GraphFactory.createDefaultGraph();
        GraphSource.dataGraph(built).find().forEachRemaining(shared::add);
        document003 = built.getGraph(NodeFactory.createURI(GraphNames.document("003_497fb625f584bf77")));
    }

    /** One report entry, as far as a problem is made of it. */
    record Entry(Node focus, String path, Node value, Node shape, Node component, String message) {
        static List<Entry> of(ValidationReport report) {
            List<Entry> entries = new ArrayList<>();
            for (ReportEntry e : report.getEntries()) {
                entries.add(new Entry(e.focusNode(), String.valueOf(e.resultPath()), e.value(), e.source(),
                        e.sourceConstraintComponent(), e.message()));
            }
            return entries;
        }
    }

    private static List<Entry> eachNodeOnItsOwn(Graph data, Set<Node> nodes) {
        List<Entry> entries = new ArrayList<>();
        for (Node node : nodes) entries.addAll(Entry.of(ShaclValidator.get().validate(shapes, data, node)));
        return entries;
    }

    private static List<Entry> checked(Graph data, SuperClasses superClasses, Set<Node> nodes) {
        return Entry.of(StructureCheck.validateNodes(new ShapeTargets(shapes), data, superClasses, nodes));
    }

    @Test
    void aValidDocumentGivesNoEntriesAsJenaGivesNone() {
        Set<Node> nodes = BuildPipeline.focusNodes(List.of(document003));
        assertTrue(nodes.size() > 5, nodes::toString);
        assertEquals(List.of(), eachNodeOnItsOwn(shared, nodes));
        assertEquals(List.of(), checked(shared, new SuperClasses(shared), nodes));
    }

    @Test
    void aBrokenDocumentGivesJenasEntriesInJenasOrder() {
        Graph broken = RDFDataMgr.loadGraph(BROKEN.toString());
        MultiUnion data = new MultiUnion(new Graph[] {shared, broken});
        Set<Node> nodes = BuildPipeline.focusNodes(List.of(broken, document003));
        List<Entry> expected = eachNodeOnItsOwn(data, nodes);
        assertEquals(expected, checked(data, new SuperClasses(shared).with(data, List.of(broken)), nodes));

        // Each way of reaching a node is exercised: class targets through the hierarchy, objects of a property,
        // SPARQL constraints, and the document's own subclass.
        for (String message : List.of("A curator's grade (cg:curatorGrade) needs a written reason",
                "Evidence is typed with exactly one ECO class", "Evidence has a direction",
                "An indirectness names one dimension", "A quote has exactly one TextQuoteSelector",
                "A position selector must end after it starts")) {
            assertTrue(expected.stream().anyMatch(e -> e.message().startsWith(message)), () -> message + " in " + expected);
        }
        Node local = NodeFactory.createURI("https://example.org/structure-test#local-evidence");
        assertTrue(expected.stream().anyMatch(e -> e.focus().equals(local)), expected::toString);
    }

    @Test
    void aSubclassTheDocumentDeclaresIsFollowedOnlyWhenTheDocumentIsInView() {
        Graph broken = RDFDataMgr.loadGraph(BROKEN.toString());
        MultiUnion data = new MultiUnion(new Graph[] {shared, broken});
        Node local = NodeFactory.createURI("https://example.org/structure-test#local-evidence");
        SuperClasses sharedOnly = new SuperClasses(shared);
        assertTrue(checked(data, sharedOnly, Set.of(local)).isEmpty(), "the shared graphs alone do not reach it");
        assertEquals(eachNodeOnItsOwn(data, Set.of(local)), checked(data, sharedOnly.with(data, List.of(broken)), Set.of(local)));
    }
}
