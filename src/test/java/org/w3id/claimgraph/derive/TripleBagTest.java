package org.w3id.claimgraph.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A bag of three in memory gives back what was added, in order, below, at and past the three (then from a file). */
class TripleBagTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 2, 3, 4, 7})
    void givesBackEveryTripleAddedInOrder(int count) {
        List<Triple> added = IntStream.range(0, count).mapToObj(i -> Triple.create(NodeFactory.createURI("urn:x:s" + i),
                NodeFactory.createURI("urn:x:p"), NodeFactory.createLiteralString("o " + i))).toList();
        TripleBag bag = new TripleBag(3);
        try {
            added.forEach(bag::add);
            List<Triple> read = new ArrayList<>();
            bag.triples().forEachRemaining(read::add);
            assertEquals(added, read);
        } finally {
            bag.close();
        }
    }
}
