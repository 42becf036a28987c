package org.w3id.claimgraph.derive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.store.DatabaseLoad;
import org.w3id.claimgraph.store.TdbStore;

/**
 * On a TDB2 database that holds no findings or summaries (a load, before its later phases) the derivation reads and
 * writes the database itself, in one write transaction: it derives what the load derived, whatever the derived graph
 * held before, and a derivation that fails changes nothing. On one that holds them it must not read them, so it
 * derives on a copy (DerivationAgainTest says why).
 */
class DerivationInPlaceTest {
    private static final Node DERIVED = NodeFactory.createURI(GraphNames.DERIVED);
    private static final Node PLANTED = NodeFactory.createURI("urn:x-claimgraph:test-planted");

    @TempDir
    static Path dir;
    private static DatasetGraph dsg;
    private static Graph loaded;
    private static Quad override;

    @BeforeAll
    static void load() {
        Path db = dir.resolve("db");
        DatabaseLoad.of(ProjectLayout.locate()).loader(TdbStore.Loader.BASIC).into(db);
        dsg = TdbStore.open(db);
        loaded = copyOfDerived();
        Node claim = Txn.calculateRead(dsg, () -> dsg.stream(DERIVED, Node.ANY, CG.cg("assertion"), Node.ANY)
                .map(Quad::getSubject).filter(c -> !dsg.contains(Node.ANY, c, CG.cg("curatorGrade"), Node.ANY))
                .sorted(java.util.Comparator.comparing(Node::toString)).findFirst().orElseThrow());
        override = Quad.create(NodeFactory.createURI(GraphNames.FINDINGS), claim,
                CG.cg("curatorGrade"), CG.cg("GradeHigh"));
    }

    @AfterAll
    static void close() {
        TdbStore.close(dsg);
    }

    @Test
    void aLoadedDatabaseWithFindingsIsDerivedOnACopyThatDoesNotReadThem() {
        assertFalse(Txn.calculateRead(dsg, () -> DerivedGraph.inPlace(dsg)), "findings are there: not in place");
        Txn.executeWrite(dsg, () -> dsg.add(override));
        try {
            Derivation.run(dsg);
            assertTrue(loaded.isIsomorphicWith(copyOfDerived()), "a curator grade in the findings changed the derived graph");
        } finally {
            Txn.executeWrite(dsg, () -> dsg.delete(override));
        }
    }

    @Test
    void withoutFindingsOrSummariesItDerivesInPlaceWhatTheLoadDerivedWhateverTheDerivedGraphHeld() {
        List<Quad> computed = withoutFindingsAndSummaries();
        Quad stale = Quad.create(DERIVED, override.getSubject(), CG.cg("grade"), CG.cg("GradeHigh"));
        Txn.executeWrite(dsg, () -> dsg.add(stale));
        try {
            assertTrue(Txn.calculateRead(dsg, () -> DerivedGraph.inPlace(dsg)), "a TDB2 database without findings: in place");
            Derivation.run(dsg);
            assertTrue(loaded.isIsomorphicWith(copyOfDerived()), "deriving in place gave another derived graph");
        } finally {
            Txn.executeWrite(dsg, () -> computed.forEach(dsg::add));
        }
    }

    @Test
    void aDerivationInPlaceThatFailsChangesNothing() {
        List<Quad> computed = withoutFindingsAndSummaries();
        // Two claims of one assertion with different curator grades: the grading refuses, after it has written lines.
        List<Node> sharing = Txn.calculateRead(dsg, () -> dsg.stream(DERIVED, Node.ANY, CG.cg("assertion"), Node.ANY)
                .collect(java.util.stream.Collectors.groupingBy(Quad::getObject)).values().stream()
                .filter(qs -> qs.size() > 1).findFirst().orElseThrow().stream().map(Quad::getSubject).limit(2).toList());
        List<Quad> conflicting = List.of(Quad.create(PLANTED, sharing.get(0), CG.cg("curatorGrade"), CG.cg("GradeHigh")),
                Quad.create(PLANTED, sharing.get(1), CG.cg("curatorGrade"), CG.cg("GradeLow")));
        Txn.executeWrite(dsg, () -> conflicting.forEach(dsg::add));
        try {
            assertThrows(DerivationException.class, () -> Derivation.run(dsg));
            assertTrue(loaded.isIsomorphicWith(copyOfDerived()), "a failed derivation changed the derived graph");
        } finally {
            Txn.executeWrite(dsg, () -> {
                conflicting.forEach(dsg::delete);
                computed.forEach(dsg::add);
            });
        }
    }

    /** Removes the findings and summaries graphs; returns their quads, to put back. */
    private static List<Quad> withoutFindingsAndSummaries() {
        return Txn.calculateWrite(dsg, () -> {
            List<Quad> removed = new java.util.ArrayList<>();
            for (String g : List.of(GraphNames.FINDINGS, GraphNames.SUMMARIES)) {
                Node name = NodeFactory.createURI(g);
                dsg.find(name, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(removed::add);
                dsg.deleteAny(name, Node.ANY, Node.ANY, Node.ANY);
            }
            assertFalse(removed.isEmpty(), "the load wrote findings and summaries");
            return removed;
        });
    }

    private static Graph copyOfDerived() {
        Graph copy = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.getGraph(DERIVED).find().forEachRemaining(copy::add));
        return copy;
    }
}
