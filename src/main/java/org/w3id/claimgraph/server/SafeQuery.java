package org.w3id.claimgraph.server;

import java.util.function.UnaryOperator;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.datatypes.DatatypeFormatException;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.web.HttpSC;
import org.w3id.claimgraph.project.InputException;

/**
 * Fuseki's SPARQL query service, with the request's bounds applied: the text is at most
 * {@link QueryLimits#MAX_QUERY_CHARS} characters (413) and nests at most {@link QueryLimits#MAX_NESTING}
 * brackets (400) before it is parsed; the parsed query must pass the {@link RequestPolicy} (400); a query
 * that fails on its own terms (an expression Jena cannot build or evaluate) is a 400 with the reason, one
 * stopped by its deadline or the memory guard a 503 that says which, and one that runs out of memory or
 * stack ends alone, with a 503 or 400, instead of as a 500. The server's rewrite (see
 * {@link ClaimServer.Builder#queryRewrite}) then turns the query into the one that runs.
 */
final class SafeQuery extends SPARQL_QueryDataset {
    private final transient UnaryOperator<Query> rewrite;
    private final boolean overEndpoint;

    /** {@code overEndpoint}: the server sends queries on to a SPARQL endpoint ({@link EndpointEngine}). */
    SafeQuery(UnaryOperator<Query> rewrite, boolean overEndpoint) {
        this.rewrite = rewrite;
        this.overEndpoint = overEndpoint;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        QueryText.problem(queryString, "query", QueryLimits.MAX_QUERY_CHARS).ifPresent(why ->
                ServletOps.error(queryString.length() > QueryLimits.MAX_QUERY_CHARS ? HttpSC.PAYLOAD_TOO_LARGE_413 : HttpSC.BAD_REQUEST_400, why));
        preParse(queryString);
        try {
            super.execute(queryString, action);
        } catch (ActionErrorException e) {
            throw e;
        } catch (QueryCancelledException e) {
            ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, cancelled());
        } catch (QueryException | IllegalArgumentException | DatatypeFormatException e) {
            ServletOps.errorBadRequest("The query failed: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            MemoryGuard.outOfMemory(e);
            ServletOps.error(HttpSC.SERVICE_UNAVAILABLE_503, MemoryGuard.MESSAGE);
        } catch (StackOverflowError e) {
            ServletOps.errorBadRequest("The query is nested too deeply for this server to evaluate.");
        }
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        RequestPolicy.refusal(query).ifPresent(ServletOps::errorBadRequest);
        // Over an endpoint a dataset of the request's own would be made of the store's graphs by the store, which
        // adds FROM to its default graph instead of replacing it (Virtuoso 7.2): refused rather than answered otherwise.
        if (overEndpoint && (query.hasDatasetDescription() || action.getRequestParameter("default-graph-uri") != null
                || action.getRequestParameter("named-graph-uri") != null)) {
            ServletOps.errorBadRequest("FROM and FROM NAMED (and default-graph-uri, named-graph-uri) are not supported by this server:"
                    + " it reads a SPARQL endpoint whose default graph is the whole claim graph");
        }
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

    /**
     * Parses once to turn what Fuseki would answer with 500 into a 400: exceptions other than Jena's query
     * exceptions while the query is built, and nesting that overflows the stack.
     * Syntax errors are left to Fuseki, which reports them with line and column.
     */
    private static void preParse(String queryString) {
        try {
            QueryFactory.create(queryString, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
        } catch (QueryException e) {
            // Fuseki parses again and answers 400 with the parser's message.
        } catch (IllegalArgumentException e) {
            ServletOps.errorBadRequest("Query: " + e.getMessage());
        } catch (StackOverflowError e) {
            ServletOps.errorBadRequest("The query is nested too deeply for this server to parse.");
        }
    }

    static String cancelled() {
        return QueryDeadline.current().flatMap(QueryDeadline.Ticket::reason)
                .orElse("The query did not finish within the server's timeout; ask for less.");
    }
}
