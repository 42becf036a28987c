package org.w3id.claimgraph.graph;

import java.time.Duration;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

/** A source that answers every kind of query the same way: one {@link QueryExec} per query, read inside the call. */
abstract class QueryingSource implements GraphSource {

    /** Runs {@code action} on an execution of {@code query} (a timeout of null: none) and returns what it returns. */
    abstract <T> T run(Query query, Duration timeout, Function<QueryExec, T> action);

    @Override
    public <T> T stream(Query query, Duration timeout, Function<RowSet, T> reader) {
        return run(query, timeout, exec -> reader.apply(exec.select()));
    }

    @Override
    public Graph construct(Query query, Duration timeout) {
        return run(query, timeout, QueryExec::construct);
    }

    @Override
    public boolean ask(Query query, Duration timeout) {
        return run(query, timeout, QueryExec::ask);
    }
}
