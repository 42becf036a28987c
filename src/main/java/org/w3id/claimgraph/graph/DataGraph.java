package org.w3id.claimgraph.graph;

import java.util.Iterator;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.w3id.claimgraph.project.GraphNames;

/**
 * Every named graph of a dataset but the shapes graph, as one graph: a view, not a copy. Each find is one
 * quad-index lookup across the named graphs ({@link DatasetGraph#findNG}), so a database of thousands of
 * document graphs answers a pattern as fast as one graph would; a triple in several graphs is seen once.
 */
final class DataGraph extends GraphBase {
    private static final Node SHAPES_GRAPH = NodeFactory.createURI(GraphNames.SHAPES);

    private final DatasetGraph dataset;

    DataGraph(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Iterator<Triple> triples = Iter.iter(dataset.findNG(Node.ANY, pattern.getMatchSubject(), pattern.getMatchPredicate(),
                        pattern.getMatchObject()))
                .filter(q -> !q.getGraph().equals(SHAPES_GRAPH)).map(Quad::asTriple).distinct();
        return WrappedIterator.create(triples);
    }
}
