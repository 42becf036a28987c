package org.w3id.claimgraph.graph;

import java.util.Iterator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.Quad;

/**
 * A read view of a dataset whose default graph is the union of its named graphs, so that a plain query
 * sees every claim while each named graph stays addressable. TDB2 gets the same effect from its
 * {@code unionDefaultGraph} setting; this does it for in-memory datasets. It is marked as a view so
 * that ARQ does not unwrap it and query the base dataset's (empty) default graph instead.
 */
final class UnionDefaultGraph extends DatasetGraphWrapper implements DatasetGraphWrapperView {

    private UnionDefaultGraph(DatasetGraph base) {
        super(base);
    }

    static DatasetGraph wrap(DatasetGraph dsg) {
        return dsg instanceof UnionDefaultGraph ? dsg : new UnionDefaultGraph(dsg);
    }

    @Override
    public Graph getDefaultGraph() {
        return getR().getUnionGraph();
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        return getR().find(asUnion(g), s, p, o);
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return getR().findNG(asUnion(g), s, p, o);
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return getR().contains(asUnion(g), s, p, o);
    }

    private static Node asUnion(Node g) {
        return g != null && Quad.isDefaultGraph(g) ? Quad.unionGraph : g;
    }
}
