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
    private final Runnable check;

    DeadlineDataset(DatasetGraph dsg) {
        this(dsg, dsg.getContext(), QueryDeadline::check);
    }

    /** With a context of its own, so that what the server sets on it never reaches {@code dsg}. */
    DeadlineDataset(DatasetGraph dsg, Context context) {
        this(dsg, context, QueryDeadline::check);
    }

    private DeadlineDataset(DatasetGraph dsg, Context context, Runnable check) {
        super(dsg, context);
        this.check = check;
    }

    /**
     * A view of {@code dsg} that stops only when the request is cancelled (by the {@link MemoryGuard}), not at the
     * query timeout: for what a checked write computes, which the timeout does not bound.
     */
    static DeadlineDataset cancellable(DatasetGraph dsg) {
        return new DeadlineDataset(dsg, dsg.getContext(), QueryDeadline::checkCancelled);
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
        check.run();
        return super.contains(quad);
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        check.run();
        return super.contains(g, s, p, o);
    }

    private Iterator<Quad> watched(Iterator<Quad> it) {
        check.run();
        return Iter.iter(it).operate(q -> check.run());
    }
}
