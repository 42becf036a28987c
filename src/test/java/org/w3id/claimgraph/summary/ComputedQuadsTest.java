package org.w3id.claimgraph.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/**
 * The quads a computation sends arrive in the dataset whole, however many batches they fill: every quad once, a
 * blank node sent in two batches still one node, literals as they were sent, and no temporary file left behind.
 */
class ComputedQuadsTest {
    private static final Node GRAPH = NodeFactory.createURI("https://w3id.org/claimgraph/id/graph/summaries");

    @Test
    void quadsOverManyBatchesAreAddedAsSent() throws IOException {
        Node total = NodeFactory.createBlankNode();
        List<Quad> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sent.add(Quad.create(GRAPH, total, NodeFactory.createURI("https://example.org/p" + i),
                    NodeFactory.createLiteralDT("0" + i, XSDDatatype.XSDinteger)));
        }
        sent.add(Quad.create(GRAPH, NodeFactory.createURI("https://example.org/s"), NodeFactory.createURI("https://example.org/label"),
                NodeFactory.createLiteralLang("Magnesium", "en-GB")));
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Set<Path> before = spillFiles();
        long spilled;
        try (ComputedQuads computed = new ComputedQuads(3)) {
            sent.forEach(computed::quad);
            spilled = computed.spilled();
            Txn.executeWrite(dsg, () -> computed.addTo(dsg));
        }
        assertEquals(6, spilled, "two full batches of three went to the temporary file");
        Set<Quad> added = new HashSet<>();
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(added::add));
        assertEquals(new HashSet<>(sent), added);
        assertEquals(before, spillFiles(), "the temporary file is deleted");
    }

    @Test
    void fewQuadsNeverTouchTheDisk() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Quad quad = Quad.create(GRAPH, NodeFactory.createURI("https://example.org/s"), NodeFactory.createURI("https://example.org/p"),
                NodeFactory.createLiteralString("o"));
        try (ComputedQuads computed = new ComputedQuads(3)) {
            computed.quad(quad);
            Txn.executeWrite(dsg, () -> computed.addTo(dsg));
            assertEquals(0, computed.spilled());
        }
        assertTrue(Txn.calculateRead(dsg, () -> dsg.contains(quad)));
    }

    private static Set<Path> spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new HashSet<>(files.filter(p -> p.getFileName().toString().startsWith("claimgraph-computed-")).toList());
        }
    }
}
