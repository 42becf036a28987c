package org.w3id.claimgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.w3id.claimgraph.graph.GraphSource;

/**
 * The watchdog on its own, with no ARQ timeout at all: the MINUS query below runs for minutes in Jena 5.6
 * whatever ARQ's cooperative timeout says; under a request deadline it is cancelled.
 */
class QueryDeadlineTest {
    private static final String MINUS_CROSS_PRODUCT =
            "SELECT (COUNT(*) AS ?n) { ?a ?b ?c MINUS { ?d ?e ?f . ?g ?h ?i . ?j ?k ?l FILTER(?c != ?i) } }";

    private final DatasetGraph dataset = new DeadlineDataset(GraphSource.unionView(Seed.copy()));

    @Test
    void aQueryThatIgnoresCancellationStopsAtTheDeadline() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                new QueryDeadline(Duration.ofMillis(300)).doFilter(null, null, (request, response) ->
                        assertThrows(QueryCancelledException.class, () -> count(MINUS_CROSS_PRODUCT))));
    }

    @Test
    void withoutADeadlineQueriesRunAsUsual() {
        assertEquals(5, count(Seed.PREFIXES + "SELECT (COUNT(?d) AS ?n) { ?d a cg:SourceDocument }"));
    }

    private long count(String query) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec qe = QueryExec.dataset(dataset).query(query).build()) {
                return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
            }
        });
    }
}
