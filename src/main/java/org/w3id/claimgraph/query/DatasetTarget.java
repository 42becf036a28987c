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

/** Queries a dataset in this process inside a read transaction. */
final class DatasetTarget implements QueryTarget {
    private final DatasetGraph dsg;
    private final String description;

    DatasetTarget(DatasetGraph dsg, String description) {
        this.dsg = dsg;
        this.description = description;
    }

    @Override
    public <T> T stream(Query query, Duration timeout, Function<RowSet, T> reader) {
        return Txn.calculateRead(dsg, () -> {
            QueryExecBuilder builder = QueryExec.dataset(dsg).query(query);
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
