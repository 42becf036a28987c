package org.w3id.claimgraph.server;

import java.util.Iterator;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;

/**
 * The served (read) view of the dataset, with every lookup checking the request's {@link QueryDeadline}.
 * Its graphs are views back onto this dataset, so that a query reading a graph is checked too.
 */
final class DeadlineDataset extends ViewDataset {

    DeadlineDataset(DatasetGraph dsg) {
        super(dsg, dsg.getContext());
    }

    /** With a context of its own, so that what the server sets on it never reaches {@code dsg}. */
    DeadlineDataset(DatasetGraph dsg, Context context) {
        super(dsg, context);
    }

    @Override
    public Iterator<Quad> find() {
        return watched(super.find());
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return watched(super.find(quad));
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        return watched(super.find(g, s, p, o));
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return watched(super.findNG(g, s, p, o));
    }

    @Override
    public boolean contains(Quad quad) {
        QueryDeadline.check();
        return super.contains(quad);
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        QueryDeadline.check();
        return super.contains(g, s, p, o);
    }

    private static Iterator<Quad> watched(Iterator<Quad> it) {
        QueryDeadline.check();
        return Iter.iter(it).operate(q -> QueryDeadline.check());
    }
}
