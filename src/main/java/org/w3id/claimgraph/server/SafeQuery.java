package org.w3id.claimgraph.server;

import java.util.function.UnaryOperator;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.claimgraph.project.InputException;

/**
 * Fuseki's SPARQL query service, with the {@link RequestPolicy} applied to each parsed query and the server's
 * rewrite (see {@link ClaimServer.Builder#queryRewrite}) turning it into the query that runs.
 */
final class SafeQuery extends SPARQL_QueryDataset {
    private final transient UnaryOperator<Query> rewrite;

    SafeQuery(UnaryOperator<Query> rewrite) {
        this.rewrite = rewrite;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        RequestPolicy.refusal(query).ifPresent(ServletOps::errorBadRequest);
    }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        Pair<DatasetGraph, Query> chosen = super.decideDataset(action, query, queryStringLog);
        try {
            return Pair.create(chosen.getLeft(), rewrite.apply(chosen.getRight()));
        } catch (InputException e) {
            ServletOps.errorBadRequest(e.getMessage());
            return chosen;
        }
    }
}
