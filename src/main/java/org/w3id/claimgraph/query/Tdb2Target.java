package org.w3id.claimgraph.query;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.RowSetStream;
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
    public RowSetRewindable select(Query query) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).set(TDB2.symUnionDefaultGraph, true).build()) {
                // TDB2 bindings resolve their nodes lazily, which needs the transaction: detach them inside it.
                RowSet rows = exec.select();
                List<Binding> detached = new ArrayList<>();
                rows.forEachRemaining(b -> detached.add(b.detach()));
                return RowSetMem.create(RowSetStream.create(rows.getResultVars(), detached.iterator()));
            }
        });
    }

    @Override
    public String description() {
        return description;
    }
}
