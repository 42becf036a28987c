package org.w3id.claimgraph.query;

import java.nio.file.Path;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.tdb2.DatabaseMgr;

/**
 * Where a query runs: a dataset in this process, a TDB2 database directory, or a SPARQL endpoint. Each
 * sees the union of the named graphs as its default graph, so a named query runs unchanged on all three.
 * Results are read in full before returning, so a transaction or an HTTP response never outlives the call.
 */
public interface QueryTarget extends AutoCloseable {

    /** Runs a SELECT query; the rows can be read again after {@code reset()}. */
    RowSetRewindable select(Query query);

    /** What the target is, for messages: a directory, an endpoint URL, "the seed graph". */
    String description();

    @Override
    default void close() {}

    /**
     * A dataset already open in this process: the built seed graph (queried through a union default graph
     * view) or a TDB2 dataset (queried with TDB2's own union default graph), e.g. the one a server serves.
     */
    static QueryTarget dataset(DatasetGraph dsg, String description) {
        if (DatabaseMgr.isTDB2(dsg)) return new Tdb2Target(description, dsg);
        return new DatasetTarget(UnionDefaultGraph.wrap(dsg), description);
    }

    /** An existing TDB2 database directory; an input error when there is none. */
    static QueryTarget tdb2(Path directory) {
        return Tdb2Target.open(directory);
    }

    /** A SPARQL 1.1 Protocol query endpoint, e.g. {@code http://localhost:3030/kg/sparql}. */
    static QueryTarget endpoint(String url) {
        return new EndpointTarget(url);
    }
}
