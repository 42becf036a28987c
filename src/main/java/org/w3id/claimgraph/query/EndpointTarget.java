package org.w3id.claimgraph.query;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.w3id.claimgraph.load.InputException;

/**
 * Sends a query to a SPARQL endpoint ({@link SparqlEndpoint}: a form POST). The query goes out as Jena
 * serializes its syntax tree, so bound parameter values travel as properly escaped RDF terms.
 */
final class EndpointTarget implements QueryTarget {
    private static final long TIMEOUT_SECONDS = 120;
    private final String url;

    EndpointTarget(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new InputException("--endpoint " + url + ": not an http(s) URL");
        }
        this.url = url;
    }

    @Override
    public <T> T stream(Query query, Duration timeout, Function<RowSet, T> reader) {
        long millis = timeout == null ? TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS) : timeout.toMillis();
        try (QueryExec exec = SparqlEndpoint.request(url, query).timeout(millis, TimeUnit.MILLISECONDS).build()) {
            return reader.apply(SparqlEndpoint.canonicalBooleans(exec.select()));
        } catch (HttpException | QueryException e) {
            throw new InputException("endpoint " + url + ": " + SparqlEndpoint.reason(e), e);
        }
    }

    @Override
    public String description() {
        return "endpoint " + url;
    }
}
