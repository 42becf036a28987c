package org.w3id.claimgraph.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.GraphNames;

/**
 * What the derivation works on: an in-memory copy of the quads of a dataset that it reads ({@link Inputs}),
 * each in its named graph, without what an earlier derivation wrote or what was computed from that (the findings and
 * summaries), read through {@link GraphSource} (the union of its named graphs) like the dataset itself. Queries and writes go to the copy, so later phases see
 * earlier ones and no query runs against the database's indexes or inside a long write transaction;
 * {@link #publish} then replaces {@link GraphNames#DERIVED} of the dataset with what was derived, in one write
 * (which joins a caller's write transaction, as in a build phase).
 */
final class DerivedGraph {
    static final Node NAME = NodeFactory.createURI(GraphNames.DERIVED);

    /** The graph of the copy that holds every quad read but those of the shapes graph, each triple once. */
    private static final Node READ = NodeFactory.createURI("urn:x-claimgraph:derivation-input");
    private static final Node SHAPES = NodeFactory.createURI(GraphNames.SHAPES);
    /**
     * The graphs computed from what the derivation writes (and the derived graph itself): never read, so that deriving
     * again on a built dataset, as a checked write does, gives what the first derivation gave. The findings repeat an
     * overridden claim's cg:curatorGrade, for one.
     */
    private static final Set<Node> COMPUTED = Set.of(NAME, NodeFactory.createURI(GraphNames.FINDINGS),
            NodeFactory.createURI(GraphNames.SUMMARIES));

    private final DatasetGraph copy = DatasetGraphFactory.createGeneral();
    private final GraphSource source = GraphSource.of(copy, "the dataset being derived");
    private long written;

    /**
     * Copies the quads of {@code dataset} outside the derived graph that {@code reads} accepts: those of the shapes
     * graph into a graph of that name (the union sees them, {@link GraphSource#dataGraph} does not), all others
     * into one graph, so that the union the queries see is a union of three graphs, not of every document's.
     */
    DerivedGraph(DatasetGraph dataset, Predicate<Quad> reads) {
        Graph read = GraphMemFactory.createDefaultGraph();
        Graph shapes = GraphMemFactory.createDefaultGraph();
        copy.addGraph(READ, read);
        copy.addGraph(SHAPES, shapes);
        copy.addGraph(NAME, GraphMemFactory.createDefaultGraph());
        Txn.executeRead(dataset, () -> dataset.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (COMPUTED.contains(q.getGraph()) || !reads.test(q)) return;
            (q.getGraph().equals(SHAPES) ? shapes : read).add(q.asTriple());
        }));
    }

    /** Replaces the derived graph of {@code dataset} with what this derivation wrote. */
    void publish(DatasetGraph dataset) {
        List<Quad> derived = Txn.calculateRead(copy, () -> {
            List<Quad> quads = new ArrayList<>();
            copy.find(NAME, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add);
            return quads;
        });
        Txn.executeWrite(dataset, () -> {
            dataset.deleteAny(NAME, Node.ANY, Node.ANY, Node.ANY);
            derived.forEach(dataset::add);
        });
    }

    /** Reads the data (definitions, data and what was derived so far) as one graph. */
    <T> T read(Function<Graph, T> reader) {
        return Txn.calculateRead(copy, () -> reader.apply(GraphSource.dataGraph(copy)));
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
        Txn.executeWrite(copy, () -> {
            for (Triple t : triples) {
                if (!copy.contains(NAME, t.getSubject(), t.getPredicate(), t.getObject())) {
                    copy.add(NAME, t.getSubject(), t.getPredicate(), t.getObject());
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
