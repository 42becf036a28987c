package org.w3id.claimgraph.query;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.RowSetStream;
import org.w3id.claimgraph.store.TdbStore;

/**
 * Where a query runs: a dataset in this process, a TDB2 database directory, or a SPARQL endpoint. Each
 * sees the union of the named graphs as its default graph, so a named query runs unchanged on all three.
 * Rows are read inside the call, so a transaction or an HTTP exchange never outlives it: {@link #stream}
 * hands them over one by one as the query yields them, {@link #select} keeps them all.
 */
public interface QueryTarget extends AutoCloseable {

    /**
     * Runs a SELECT query and hands its rows, as the query yields them, to {@code reader} inside the read
     * transaction or HTTP exchange; returns what the reader returns. Nothing is kept, so a result of millions
     * of rows can be written out in bounded memory. {@code timeout}: how long the query may take (null: no
     * limit); past it, reading the rows fails with {@link org.apache.jena.query.QueryCancelledException}.
     */
    <T> T stream(Query query, Duration timeout, Function<RowSet, T> reader);

    /** Runs a SELECT query and keeps all its rows, which can be read again after {@code reset()}. */
    default RowSetRewindable select(Query query) {
        return stream(query, null, rows -> {
            // TDB2 bindings resolve their nodes lazily, which needs the transaction: detach them inside it.
            List<Binding> detached = new ArrayList<>();
            rows.forEachRemaining(b -> detached.add(b.detach()));
            return RowSetMem.create(RowSetStream.create(rows.getResultVars(), detached.iterator()));
        });
    }

    /** What the target is, for messages: a directory, an endpoint URL, "the seed graph". */
    String description();

    @Override
    default void close() {}

    /**
     * A dataset already open in this process: the built seed graph (queried through a union default graph
     * view) or a TDB2 dataset (queried with TDB2's own union default graph), e.g. the one a server serves.
     */
    static QueryTarget dataset(DatasetGraph dsg, String description) {
        return DatasetTarget.of(dsg, description);
    }

    /** An existing TDB2 database directory; an input error when there is none. */
    static QueryTarget tdb2(Path directory) {
        // TdbStore.connect refuses a directory that is not a database: connecting would create an empty one
        // and answer every query with nothing.
        return DatasetTarget.of(TdbStore.connect(directory), "TDB2 database " + directory);
    }

    /** A SPARQL 1.1 Protocol query endpoint, e.g. {@code http://localhost:3030/kg/sparql}. */
    static QueryTarget endpoint(String url) {
        return new EndpointTarget(url);
    }
}
