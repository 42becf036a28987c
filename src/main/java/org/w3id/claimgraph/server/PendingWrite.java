package org.w3id.claimgraph.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.JenaException;
import org.apache.jena.shared.Lock;
import org.apache.jena.shared.LockMRSW;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Transactional;
import org.apache.jena.sparql.core.TransactionalNull;
import org.apache.jena.sparql.util.Context;

/**
 * A write waiting to be checked: reads see the served dataset with the write's changes, and the changes are
 * kept aside ({@link #added}, {@link #removed}) instead of being made. Nothing of the dataset is copied, so a
 * write costs what it changes and reads, not the size of the dataset. The caller holds a read transaction on
 * the dataset while the write runs; this view's own transactions are bookkeeping only. A write that adds or
 * removes more than {@link QueryLimits#MAX_WRITE_QUADS} quads is refused ({@link TooLarge}).
 */
final class PendingWrite extends ViewDataset {
    /** A write past {@link QueryLimits#MAX_WRITE_QUADS}: bulk changes go through {@code load}. */
    static final class TooLarge extends JenaException {
        TooLarge() {
            super("The write changes more than " + QueryLimits.MAX_WRITE_QUADS + " quads, the most one write may change on"
                    + " this server; rebuild the database with ./claimgraph load for bulk changes. Nothing was changed.");
        }
    }

    private final DatasetGraph base;
    private final Set<Quad> added = new LinkedHashSet<>();
    private final Set<Quad> removed = new LinkedHashSet<>();
    private final PrefixMap prefixes;
    private final long maxQuads;
    private final Transactional txn = TransactionalNull.create();
    private final Lock lock = new LockMRSW();

    /** @param base the dataset's named graphs (not a union view), read inside the caller's transaction */
    PendingWrite(DatasetGraph base, Context context) {
        this(base, context, QueryLimits.MAX_WRITE_QUADS);
    }

    private PendingWrite(DatasetGraph base, Context context, long maxQuads) {
        super(base, context);
        this.base = base;
        this.maxQuads = maxQuads;
        this.prefixes = PrefixMapFactory.create(base.prefixes());
    }

    /** A pending layer without the size limit, for what the server itself computes (the derivation). */
    static PendingWrite unbounded(DatasetGraph base, Context context) {
        return new PendingWrite(base, context, Long.MAX_VALUE);
    }

    /** The quads the write adds that the dataset does not hold. */
    Set<Quad> added() {
        return added;
    }

    /** The quads the write removes that the dataset holds. */
    Set<Quad> removed() {
        return removed;
    }

    // ---- Changes

    @Override
    public void add(Quad quad) {
        if (removed.remove(quad)) return;
        if (!base.contains(quad) && added.add(quad)) checkSize();
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        add(Quad.create(g, s, p, o));
    }

    @Override
    public void delete(Quad quad) {
        if (added.remove(quad)) return;
        if (base.contains(quad) && removed.add(quad)) checkSize();
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        delete(Quad.create(g, s, p, o));
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        Node graph = g == null || Quad.isUnionGraph(g) ? Node.ANY : g;
        List<Quad> matching = Iter.toList(find(graph, s, p, o));
        matching.forEach(this::delete);
    }

    @Override
    public void removeGraph(Node graphName) {
        deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        graph.find().forEachRemaining(t -> add(Quad.create(graphName, t)));
    }

    @Override
    public void clear() {
        deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    private void checkSize() {
        if ((long) added.size() + removed.size() > maxQuads) throw new TooLarge();
    }

    // ---- Reads: the dataset, less what is removed, plus what is added

    @Override
    public Iterator<Quad> find() {
        return find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (g != null && Quad.isUnionGraph(g)) return union(s, p, o);
        return merged(g, s, p, o, false);
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        if (g != null && Quad.isUnionGraph(g)) return union(s, p, o);
        return merged(g, s, p, o, true);
    }

    @Override
    public boolean contains(Quad quad) {
        return find(quad).hasNext();
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return find(g, s, p, o).hasNext();
    }

    @Override
    public boolean containsGraph(Node graphNode) {
        return find(graphNode, Node.ANY, Node.ANY, Node.ANY).hasNext();
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        Set<Node> graphs = new LinkedHashSet<>();
        base.listGraphNodes().forEachRemaining(graphs::add);
        added.forEach(q -> graphs.add(q.getGraph()));
        graphs.removeIf(g -> !containsGraph(g));
        return graphs.iterator();
    }

    @Override
    public boolean isEmpty() {
        return !find().hasNext();
    }

    @Override
    public long size() {
        return Iter.count(listGraphNodes());
    }

    @Override
    public PrefixMap prefixes() {
        return prefixes;
    }

    private Iterator<Quad> merged(Node g, Node s, Node p, Node o, boolean namedOnly) {
        Iterator<Quad> fromBase = namedOnly ? base.findNG(g, s, p, o) : base.find(g, s, p, o);
        List<Quad> extra = new ArrayList<>();
        for (Quad q : added) {
            if (matches(q, g, s, p, o) && !(namedOnly && q.isDefaultGraph())) extra.add(q);
        }
        return Iter.iter(fromBase).filter(q -> !removed.contains(q)).append(extra.iterator());
    }

    /** The union of the named graphs, each triple once. */
    private Iterator<Quad> union(Node s, Node p, Node o) {
        return Iter.iter(merged(Node.ANY, s, p, o, true)).map(Quad::asTriple).distinct()
                .map((Triple t) -> Quad.create(Quad.unionGraph, t));
    }

    private static boolean matches(Quad q, Node g, Node s, Node p, Node o) {
        return matches(q.getGraph(), g) && matches(q.getSubject(), s) && matches(q.getPredicate(), p) && matches(q.getObject(), o);
    }

    private static boolean matches(Node value, Node pattern) {
        return pattern == null || pattern == Node.ANY || pattern.equals(value);
    }

    // ---- Transactions: bookkeeping only (the caller holds the dataset's read transaction)

    @Override public Lock getLock() { return lock; }
    @Override public void begin() { txn.begin(); }
    @Override public void begin(TxnType type) { txn.begin(type); }
    @Override public void begin(ReadWrite readWrite) { txn.begin(readWrite); }
    @Override public boolean promote(Promote mode) { return txn.promote(mode); }
    @Override public void commit() { txn.commit(); }
    @Override public void abort() { txn.abort(); }
    @Override public void end() { txn.end(); }
    @Override public boolean isInTransaction() { return txn.isInTransaction(); }
    @Override public ReadWrite transactionMode() { return txn.transactionMode(); }
    @Override public TxnType transactionType() { return txn.transactionType(); }
    @Override public boolean supportsTransactions() { return true; }
    @Override public boolean supportsTransactionAbort() { return false; }
}
