package org.w3id.claimgraph.graph;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * A dataset in this process, queried inside a read transaction: a TDB2 dataset with TDB2's own union default
 * graph (which its query engine answers from its indexes), any other through a union default graph view.
 */
final class LocalSource extends QueryingSource {
    /** Rows an ORDER BY holds in memory per query before it sorts in temporary files (ARQ's spill threshold). */
    static final long SORT_ROWS_IN_MEMORY = 100_000L;
    /**
     * ARQ's timeout is cooperative and some query shapes do not check it in Jena 5.6 (apache/jena GH-3535): a
     * watchdog aborts the query a second after its timeout.
     */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "claimgraph-query-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final DatasetGraph stored;
    private final DatasetGraph queried;
    private final boolean tdb2;
    private final String description;
    private final boolean owned;

    /** @param owned whether {@link #close()} releases the dataset (a directory this source opened) */
    LocalSource(DatasetGraph dsg, String description, boolean owned) {
        this.stored = dsg;
        this.tdb2 = DatabaseMgr.isTDB2(dsg);
        this.queried = tdb2 ? dsg : UnionDefaultGraph.wrap(dsg);
        this.description = description;
        this.owned = owned;
    }

    @Override
    <T> T run(Query query, Duration timeout, Function<QueryExec, T> action) {
        return Txn.calculateRead(stored, () -> {
            QueryExecBuilder builder = QueryExec.dataset(queried).query(query)
                    .set(ARQ.spillToDiskThreshold, SORT_ROWS_IN_MEMORY);
            if (tdb2) builder.set(TDB2.symUnionDefaultGraph, true);
            if (timeout != null) builder.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            try (QueryExec exec = builder.build()) {
                ScheduledFuture<?> watchdog = timeout == null ? null
                        : WATCHDOG.schedule(exec::abort, timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
                try {
                    return action.apply(exec);
                } finally {
                    if (watchdog != null) watchdog.cancel(false);
                }
            }
        });
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Optional<DatasetGraph> dataset() {
        return Optional.of(stored);
    }

    @Override
    public void close() {
        if (owned) TDBInternal.expel(stored);
    }
}
