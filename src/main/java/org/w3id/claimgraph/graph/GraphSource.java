package org.w3id.claimgraph.graph;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.RowSetStream;
import org.w3id.claimgraph.project.GraphNames;

/**
 * The one front door to the claim graph, wherever it is: a dataset in this process (the seed graph built in
 * memory, or a TDB2 database), a TDB2 database directory, or a SPARQL 1.1 endpoint. Every source answers with
 * the union of the named graphs as its default graph, so a query runs unchanged on all of them; this package is
 * the only place that knows how each one is made to do so. Rows are read inside the call, so a transaction or
 * an HTTP exchange never outlives it.
 *
 * <pre>
 * try (GraphSource source = GraphSource.tdb2(dir)) {
 *     long n = source.stream(query, Duration.ofSeconds(30), rows -&gt; { long c = 0; while (rows.hasNext()) { rows.next(); c++; } return c; });
 * }
 * </pre>
 */
public interface GraphSource extends AutoCloseable {

    /**
     * Runs a SELECT and hands its rows, as the query yields them, to {@code reader} inside the read transaction or
     * HTTP exchange; returns what the reader returns. Nothing is kept, so millions of rows pass in bounded memory.
     * {@code timeout}: how long the query may take (null: no limit); past it, reading fails with
     * {@link org.apache.jena.query.QueryCancelledException}.
     */
    <T> T stream(Query query, Duration timeout, Function<RowSet, T> reader);

    /** Runs a SELECT and keeps all its rows, which can be read again after {@code reset()}. */
    default RowSetRewindable select(Query query, Duration timeout) {
        return stream(query, timeout, rows -> {
            // TDB2 bindings resolve their nodes lazily, which needs the transaction: detach them inside it.
            List<Binding> detached = new ArrayList<>();
            rows.forEachRemaining(b -> detached.add(b.detach()));
            return RowSetMem.create(RowSetStream.create(rows.getResultVars(), detached.iterator()));
        });
    }

    default RowSetRewindable select(Query query) {
        return select(query, null);
    }

    /** Runs a CONSTRUCT (or DESCRIBE) and returns the graph it makes. */
    Graph construct(Query query, Duration timeout);

    /** Runs an ASK. */
    boolean ask(Query query, Duration timeout);

    /** What the source is, for messages and reports: "seed graph", "TDB2 database DIR", "endpoint URL". */
    String description();

    /**
     * The dataset in this process, its named graphs as stored, for what needs the data itself (a SHACL engine, a
     * server); empty for an endpoint. Read it inside its transactions; {@link #unionView} gives the view queries see.
     */
    Optional<DatasetGraph> dataset();

    /** Releases what the source holds (a database directory it opened); a no-op for the others. */
    @Override
    default void close() {}

    /** A dataset in this process: the built seed graph, or a TDB2 dataset (queried with TDB2's own union graph). */
    static GraphSource of(DatasetGraph dsg, String description) {
        return new LocalSource(dsg, description, false);
    }

    /**
     * An existing TDB2 database directory (any, not only one that {@code load} wrote), read with node caches sized
     * to the heap; {@link #close()} releases it. An input error when the directory holds no TDB2 database.
     */
    static GraphSource tdb2(Path directory) {
        return new LocalSource(Tdb2Directory.connect(directory), "TDB2 database " + directory, true);
    }

    /**
     * A SPARQL 1.1 endpoint whose default graph is the union of the named graphs, e.g.
     * {@code http://localhost:3030/kg/sparql}. Queries go as form-encoded POSTs; a failure is an input error that
     * carries the endpoint's own error text.
     */
    static GraphSource endpoint(String url) {
        return new EndpointSource(url);
    }

    /**
     * A view of {@code dsg} whose default graph is the union of its named graphs, each named graph still
     * addressable, writes passing through to {@code dsg}: what a server serves and what a write sees.
     */
    static DatasetGraph unionView(DatasetGraph dsg) {
        return UnionDefaultGraph.wrap(dsg);
    }

    /**
     * The union of every named graph of {@code dsg} but the shapes graph ({@link GraphNames#SHAPES}): the data the
     * structural shapes check, in the build and on every write. A view: read it inside the dataset's transaction.
     */
    static Graph dataGraph(DatasetGraph dsg) {
        return new DataGraph(dsg);
    }
}
