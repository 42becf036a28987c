package org.w3id.claimgraph.server;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;

/**
 * The dataset a write works on: reads see the union of the named graphs as the default graph, exactly as
 * queries do, and writes must name their graph. A write to the default graph is refused instead of going
 * into a hidden graph that no query would see.
 */
final class WriteView extends DatasetGraphWrapper implements DatasetGraphWrapperView {

    /** A write aimed at the default graph, which on this server is the read-only union of the others. */
    static final class DefaultGraphWrite extends JenaException {
        DefaultGraphWrite() {
            super("The default graph is the union of all named graphs and cannot be written: name the graph "
                    + "(GRAPH <iri> { ... } or WITH <iri> in SPARQL Update, ?graph=<iri> in the Graph Store Protocol)");
        }
    }

    WriteView(DatasetGraph unionView) {
        super(unionView);
    }

    /** A view whose writes come back here, so that they are refused like any other default-graph write. */
    @Override
    public Graph getDefaultGraph() {
        return GraphView.createDefaultGraph(this);
    }

    @Override
    public void add(Quad quad) {
        refuseDefault(quad.getGraph());
        super.add(quad);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        refuseDefault(g);
        super.add(g, s, p, o);
    }

    @Override
    public void delete(Quad quad) {
        refuseDefault(quad.getGraph());
        super.delete(quad);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        refuseDefault(g);
        super.delete(g, s, p, o);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        // GraphView passes null for its default graph here; a wildcard is Node.ANY.
        if (g == null) throw new DefaultGraphWrite();
        refuseDefault(g);
        super.deleteAny(g, s, p, o);
    }

    private static void refuseDefault(Node g) {
        if (g != null && Quad.isDefaultGraph(g)) throw new DefaultGraphWrite();
    }
}
