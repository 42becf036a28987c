package org.w3id.claimgraph.query;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetRewindable;
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
    public RowSetRewindable select(Query query) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
                return RowSetMem.create(exec.select());
            }
        });
    }

    @Override
    public String description() {
        return description;
    }
}
