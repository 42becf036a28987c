package org.w3id.claimgraph.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.claimgraph.query.UnionDefaultGraph;
import org.w3id.claimgraph.vocab.GraphNames;

/**
 * The dataset the derivation reads, as the union of its named graphs, and the graph it writes. Every
 * query runs in a read transaction over the whole dataset (TDB2 with its union default graph, an
 * in-memory dataset through a union view); writes go to {@link GraphNames#DERIVED} in a write
 * transaction after the query that produced them has finished, so that later phases see earlier ones.
 */
final class DerivedGraph {
    static final Node NAME = NodeFactory.createURI(GraphNames.DERIVED);

    private final DatasetGraph dataset;
    private final DatasetGraph queried;
    private final boolean tdb2;
    private long written;

    DerivedGraph(DatasetGraph dataset) {
        this.dataset = dataset;
        this.tdb2 = TDBInternal.isTDB2(dataset);
        this.queried = tdb2 ? dataset : UnionDefaultGraph.wrap(dataset);
    }

    /** Removes what an earlier derivation wrote. */
    void clear() {
        Txn.executeWrite(dataset, () -> dataset.deleteAny(NAME, Node.ANY, Node.ANY, Node.ANY));
    }

    /** Reads with the union of the named graphs (definitions, data and what was derived so far). */
    <T> T read(java.util.function.Function<Graph, T> reader) {
        return Txn.calculateRead(dataset, () -> reader.apply(dataset.getUnionGraph()));
    }

    /** Streams the rows of a SELECT over the whole dataset. */
    void select(Query query, Consumer<Binding> row) {
        Txn.executeRead(dataset, () -> {
            try (QueryExec exec = exec(query)) {
                RowSet rows = exec.select();
                rows.forEachRemaining(row);
            }
        });
    }

    /** Runs a CONSTRUCT over the whole dataset and adds its triples to the derived graph. */
    long construct(Query query) {
        List<Triple> triples = new ArrayList<>();
        Txn.executeRead(dataset, () -> {
            try (QueryExec exec = exec(query)) {
                exec.constructTriples().forEachRemaining(triples::add);
            }
        });
        return add(triples);
    }

    /** Adds triples to the derived graph; returns how many were new. */
    long add(List<Triple> triples) {
        long[] added = {0};
        Txn.executeWrite(dataset, () -> {
            for (Triple t : triples) {
                if (!dataset.contains(NAME, t.getSubject(), t.getPredicate(), t.getObject())) {
                    dataset.add(NAME, t.getSubject(), t.getPredicate(), t.getObject());
                    added[0]++;
                }
            }
        });
        written += added[0];
        return added[0];
    }

    long written() {
        return written;
    }

    private QueryExec exec(Query query) {
        QueryExecBuilder builder = QueryExec.dataset(queried).query(query);
        if (tdb2) builder = builder.set(TDB2.symUnionDefaultGraph, true);
        return builder.build();
    }
}
