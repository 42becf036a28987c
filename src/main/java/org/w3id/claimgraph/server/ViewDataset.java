package org.w3id.claimgraph.server;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.util.Context;

/**
 * A dataset wrapper whose graphs are views back onto the wrapper, so that whatever reads or writes a graph
 * goes through the wrapper's own {@code find}, {@code add} and {@code delete}; marked as a view so that ARQ
 * does not unwrap it and query what is beneath.
 */
abstract class ViewDataset extends DatasetGraphWrapper implements DatasetGraphWrapperView {
    ViewDataset(DatasetGraph dsg, Context context) {
        super(dsg, context);
    }

    @Override
    public Graph getDefaultGraph() {
        return GraphView.createDefaultGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public Graph getUnionGraph() {
        return GraphView.createUnionGraph(this);
    }
}
