package org.w3id.claimgraph.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.GraphNames;

/**
 * The dataset the derivation reads, through {@link GraphSource} (the union of its named graphs, whatever the
 * dataset is), and the graph it writes. Queries run in a read transaction; writes go to
 * {@link GraphNames#DERIVED} in a write transaction after the query that produced them has finished, so that
 * later phases see earlier ones. Inside a caller's write transaction (a build phase) both join it.
 */
final class DerivedGraph {
    static final Node NAME = NodeFactory.createURI(GraphNames.DERIVED);

    private final DatasetGraph dataset;
    private final GraphSource source;
    private long written;

    DerivedGraph(DatasetGraph dataset) {
        this.dataset = dataset;
        this.source = GraphSource.of(dataset, "the dataset being derived");
    }

    /** Removes what an earlier derivation wrote. */
    void clear() {
        Txn.executeWrite(dataset, () -> dataset.deleteAny(NAME, Node.ANY, Node.ANY, Node.ANY));
    }

    /** Reads the data (definitions, data and what was derived so far) as one graph. */
    <T> T read(Function<Graph, T> reader) {
        return Txn.calculateRead(dataset, () -> reader.apply(GraphSource.dataGraph(dataset)));
    }

    /** Streams the rows of a SELECT over the whole dataset. */
    void select(Query query, Consumer<Binding> row) {
        source.stream(query, null, rows -> {
            rows.forEachRemaining(row);
            return null;
        });
    }

    /** Runs a CONSTRUCT over the whole dataset and adds its triples to the derived graph. */
    long construct(Query query) {
        List<Triple> triples = new ArrayList<>();
        source.construct(query, null).find().forEachRemaining(triples::add);
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
}
