package org.w3id.claimgraph.derive;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
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
import org.apache.jena.tdb2.DatabaseMgr;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.GraphNames;

/**
 * What the derivation works on, read through {@link GraphSource} (the union of the named graphs), without what an
 * earlier derivation wrote or what was computed from that (the findings and summaries): later steps see what earlier
 * ones wrote. One of two places, chosen by {@link #of}:
 * <ul>
 * <li>in place, on a TDB2 dataset that holds no findings or summaries (the fresh directory of a load): the queries
 * run on the database's own indexes and every step writes straight into its {@link GraphNames#DERIVED}, cleared
 * first, so memory does not grow with the corpus for the data (the dataset must then be written only by this
 * derivation until it ends: {@link Derivation#run} holds one write transaction, the caller's if it has one);</li>
 * <li>on an in-memory copy of the quads it reads ({@link Inputs}) everywhere else (the dataset built in memory, the
 * pending data of a checked write, a database that holds findings): the copy puts them in one graph, so that the
 * queries see a union of three graphs, not of every document's, and leaves the computed graphs out. {@link #publish}
 * then replaces the derived graph of the dataset with what was derived, in one write (which joins a caller's write
 * transaction).</li>
 * </ul>
 */
final class DerivedGraph {
    static final Node NAME = NodeFactory.createURI(GraphNames.DERIVED);

    /** The graph of the copy that holds every quad read but those of the shapes graph, each triple once. */
    private static final Node READ = NodeFactory.createURI("urn:x-claimgraph:derivation-input");
    private static final Node SHAPES = NodeFactory.createURI(GraphNames.SHAPES);
    /**
     * The graphs computed from what the derivation writes: never read, so that deriving again on a built dataset, as a
     * checked write does, gives what the first derivation gave. The findings repeat an overridden claim's
     * cg:curatorGrade, for one.
     */
    private static final Set<Node> FOLLOWING = Set.of(NodeFactory.createURI(GraphNames.FINDINGS),
            NodeFactory.createURI(GraphNames.SUMMARIES));
    /** The graphs a copy leaves out: those computed from the derivation, and the derived graph itself. */
    private static final Set<Node> COMPUTED = Stream.concat(Stream.of(NAME), FOLLOWING.stream()).collect(Collectors.toUnmodifiableSet());
    /** Triples of one CONSTRUCT held in memory before the rest go to a temporary file. */
    private static final long CONSTRUCTED_IN_MEMORY = 100_000L;

    /** Where the queries run and the derived triples go (graph {@link #NAME}). */
    private final DatasetGraph work;
    private final boolean inPlace;
    private final GraphSource source;

    private DerivedGraph(DatasetGraph work, boolean inPlace) {
        this.work = work;
        this.inPlace = inPlace;
        this.source = GraphSource.of(work, "the dataset being derived");
    }

    /**
     * Where to derive on {@code dataset}: in place when it is a TDB2 dataset with no findings or summaries (its
     * derived graph is cleared; call inside a write transaction on it), otherwise on an in-memory copy of the quads
     * that {@code reads} accepts.
     */
    static DerivedGraph of(DatasetGraph dataset, Predicate<Quad> reads) {
        if (inPlace(dataset)) {
            dataset.deleteAny(NAME, Node.ANY, Node.ANY, Node.ANY);
            return new DerivedGraph(dataset, true);
        }
        return new DerivedGraph(copy(dataset, reads), false);
    }

    /** Whether {@link #of} derives on {@code dataset} itself. Call inside a transaction on it. */
    static boolean inPlace(DatasetGraph dataset) {
        return DatabaseMgr.isTDB2(dataset)
                && FOLLOWING.stream().noneMatch(g -> dataset.find(g, Node.ANY, Node.ANY, Node.ANY).hasNext());
    }

    /**
     * Copies the quads of {@code dataset} outside the computed graphs that {@code reads} accepts: those of the shapes
     * graph into a graph of that name (the union sees them, {@link GraphSource#dataGraph} does not), all others
     * into one graph, so that the union the queries see is a union of three graphs, not of every document's.
     */
    private static DatasetGraph copy(DatasetGraph dataset, Predicate<Quad> reads) {
        DatasetGraph copy = DatasetGraphFactory.createGeneral();
        Graph read = GraphMemFactory.createDefaultGraph();
        Graph shapes = GraphMemFactory.createDefaultGraph();
        copy.addGraph(READ, read);
        copy.addGraph(SHAPES, shapes);
        copy.addGraph(NAME, GraphMemFactory.createDefaultGraph());
        Txn.executeRead(dataset, () -> dataset.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (COMPUTED.contains(q.getGraph()) || !reads.test(q)) return;
            (q.getGraph().equals(SHAPES) ? shapes : read).add(q.asTriple());
        }));
        return copy;
    }

    /** Replaces the derived graph of {@code dataset} with what this derivation wrote, unless it wrote there already. */
    void publish(DatasetGraph dataset) {
        if (inPlace) return;
        Txn.executeWrite(dataset, () -> {
            dataset.deleteAny(NAME, Node.ANY, Node.ANY, Node.ANY);
            Txn.executeRead(work, () -> work.find(NAME, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(dataset::add));
        });
    }

    /** Reads the data (definitions, data and what was derived so far) as one graph. */
    <T> T read(Function<Graph, T> reader) {
        return Txn.calculateRead(work, () -> reader.apply(GraphSource.dataGraph(work)));
    }

    /** Streams the rows of a SELECT over the whole dataset. */
    void select(Query query, Consumer<Binding> row) {
        source.stream(query, null, rows -> {
            rows.forEachRemaining(row);
            return null;
        });
    }

    /**
     * Runs a CONSTRUCT over the whole dataset and adds its triples to the derived graph once the query is done (its
     * triples wait in a bag that spills to temporary files past {@link #CONSTRUCTED_IN_MEMORY}).
     */
    void construct(Query query) {
        TripleBag made = new TripleBag(CONSTRUCTED_IN_MEMORY);
        try {
            source.construct(query, null, made::add);
            // A template repeats triples (those of an assertion, once per claim); TDB2 would look a repeated quad up
            // in each of its six indexes to add it, so each is looked up once here first.
            write(sink -> made.triples().forEachRemaining(t -> {
                if (!work.contains(NAME, t.getSubject(), t.getPredicate(), t.getObject())) sink.accept(t);
            }));
        } finally {
            made.close();
        }
    }

    /**
     * Adds to the derived graph, in one write, the triples {@code producer} hands to the sink it is given (one already
     * there is not added again). The producer may read the graph only through {@link DatasetGraph#contains}.
     */
    void write(Consumer<Consumer<Triple>> producer) {
        Txn.executeWrite(work, () -> producer.accept(t -> work.add(NAME, t.getSubject(), t.getPredicate(), t.getObject())));
    }

    /** How many triples the derived graph holds. */
    long written() {
        return Txn.calculateRead(work, () -> Iter.count(work.find(NAME, Node.ANY, Node.ANY, Node.ANY)));
    }
}
