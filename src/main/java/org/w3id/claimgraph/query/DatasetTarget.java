package org.w3id.claimgraph.query;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * Queries a dataset in this process inside a read transaction: a TDB2 dataset with TDB2's own union default
 * graph, any other through a union default graph view.
 */
final class DatasetTarget implements QueryTarget {
    private final DatasetGraph dsg;
    private final String description;
    private final boolean tdb2Union;

    private DatasetTarget(DatasetGraph dsg, String description, boolean tdb2Union) {
        this.dsg = dsg;
        this.description = description;
        this.tdb2Union = tdb2Union;
    }

    static DatasetTarget of(DatasetGraph dsg, String description) {
        return DatabaseMgr.isTDB2(dsg) ? new DatasetTarget(dsg, description, true)
                : new DatasetTarget(UnionDefaultGraph.wrap(dsg), description, false);
    }

    @Override
    public <T> T stream(Query query, Duration timeout, Function<RowSet, T> reader) {
        return Txn.calculateRead(dsg, () -> {
            QueryExecBuilder builder = QueryExec.dataset(dsg).query(query);
            if (tdb2Union) builder.set(TDB2.symUnionDefaultGraph, true);
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
