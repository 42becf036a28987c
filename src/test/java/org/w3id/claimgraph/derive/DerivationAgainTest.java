package org.w3id.claimgraph.derive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * The derivation reads only what it derives from, never the graphs computed after it from what it wrote: the
 * findings (whose report repeats an overridden claim's cg:curatorGrade) and the summaries. A checked write runs it
 * again on a dataset that holds them; what they say must not change a grade or a rationale.
 */
class DerivationAgainTest {
    private static final Node DERIVED = NodeFactory.createURI(GraphNames.DERIVED);

    private static DatasetGraph dsg;
    private static Graph before;

    @BeforeAll
    static void build() {
        dsg = GraphBuild.create().layout(ProjectLayout.locate()).build().asDatasetGraph();
        before = copyOfDerived(dsg);
    }

    @ParameterizedTest
    @ValueSource(strings = {GraphNames.FINDINGS, GraphNames.SUMMARIES})
    void aCuratorGradeInAComputedGraphChangesNothing(String computedGraph) {
        Node claim = Txn.calculateRead(dsg, () -> dsg.stream(Node.ANY, Node.ANY, RDF.type.asNode(), CG.Claim)
                .filter(q -> q.getGraph().getURI().startsWith(GraphNames.DOCUMENT_PREFIX))
                .map(Quad::getSubject).filter(c -> !dsg.contains(Node.ANY, c, CG.cg("curatorGrade"), Node.ANY))
                .sorted(java.util.Comparator.comparing(Node::toString)).findFirst().orElseThrow());
        Node graph = NodeFactory.createURI(computedGraph);
        List<Quad> planted = List.of(Quad.create(graph, claim, CG.cg("curatorGrade"), CG.cg("GradeHigh")),
                Quad.create(graph, claim, CG.cg("overrideReason"), NodeFactory.createLiteralString("not a curator's word")));
        Txn.executeWrite(dsg, () -> planted.forEach(dsg::add));
        try {
            Derivation.run(dsg);

            Graph after = copyOfDerived(dsg);
            assertTrue(before.isIsomorphicWith(after), () -> "the derived graph changed: " + difference(before, after));
        } finally {
            Txn.executeWrite(dsg, () -> planted.forEach(dsg::delete));
        }
    }

    private static Graph copyOfDerived(DatasetGraph dsg) {
        Graph copy = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.getGraph(DERIVED).find().forEachRemaining(copy::add));
        return copy;
    }

    private static String difference(Graph before, Graph after) {
        List<?> gone = before.find().filterDrop(after::contains).toList();
        List<?> added = after.find().filterDrop(before::contains).toList();
        return gone.size() + " triples gone, " + added.size() + " new, e.g. " + added.stream().findFirst().map(Object::toString).orElse("none");
    }
}
