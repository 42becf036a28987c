package org.w3id.claimgraph.query;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.w3id.claimgraph.store.TdbStore;

/**
 * Queries a TDB2 database with its union default graph. Only an existing database is opened: connecting
 * to a directory that is not one would silently create an empty database and answer every query with
 * nothing.
 */
final class Tdb2Target implements QueryTarget {
    private final String description;
    private final DatasetGraph dsg;

    Tdb2Target(String description, DatasetGraph dsg) {
        this.description = description;
        this.dsg = dsg;
    }

    static Tdb2Target open(Path directory) {
        return new Tdb2Target("TDB2 database " + directory, TdbStore.connect(directory));
    }

    @Override
    public <T> T stream(Query query, Duration timeout, Function<RowSet, T> reader) {
        return Txn.calculateRead(dsg, () -> {
            QueryExecBuilder builder = QueryExec.dataset(dsg).query(query).set(TDB2.symUnionDefaultGraph, true);
            if (timeout != null) builder.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            try (QueryExec exec = builder.build()) {
                return reader.apply(exec.select());
            }
        });
    }

    @Override
    public String description() {
        return description;
    }
}
