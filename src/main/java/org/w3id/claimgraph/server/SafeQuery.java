package org.w3id.claimgraph.server;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;

/** Fuseki's SPARQL query service, with the {@link RequestPolicy} applied to each parsed query. */
final class SafeQuery extends SPARQL_QueryDataset {
    @Override
    protected void validateQuery(HttpAction action, Query query) {
        RequestPolicy.refusal(query).ifPresent(ServletOps::errorBadRequest);
    }
}
