package org.w3id.claimgraph.graph;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.w3id.claimgraph.project.InputException;

/**
 * A SPARQL 1.1 Protocol endpoint. Each query goes out as a form-encoded POST of Jena's serialization of its
 * syntax tree, so bound values travel as properly escaped RDF terms; an endpoint that cannot be reached or
 * refuses a query is an input error carrying the endpoint's own error text.
 */
final class EndpointSource extends QueryingSource {
    private final String url;

    EndpointSource(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new InputException("--endpoint " + url + ": not an http(s) URL");
        }
        this.url = url;
    }

    @Override
    <T> T run(Query query, Duration timeout, Function<QueryExec, T> action) {
        QueryExecHTTPBuilder builder = QueryExecHTTP.service(url).query(query).sendMode(QuerySendMode.asPostForm);
        if (timeout != null) builder.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (QueryExec exec = builder.build()) {
            return action.apply(exec);
        } catch (HttpException | QueryException e) {
            throw failure(e);
        }
    }

    /** The reason in words: Jena's message, the cause when there is no message, and what the endpoint sent. */
    private InputException failure(RuntimeException e) {
        String reason = e.getMessage();
        if ((reason == null || reason.isBlank()) && e.getCause() != null) reason = e.getCause().toString();
        if (reason == null || reason.isBlank()) reason = e.getClass().getSimpleName();
        String body = e instanceof QueryExceptionHTTP http ? http.getResponse()
                : e instanceof HttpException http ? http.getResponse() : null;
        String said = said(body, reason);
        if (!said.isEmpty()) reason += ": " + said;
        return new InputException("SPARQL endpoint " + url + ": " + reason, e);
    }

    /** Longest part of an endpoint's error text shown, so that a whole HTML page does not flood the terminal. */
    static final int MAX_SAID = 500;

    /**
     * What the endpoint said, on one line: the non-blank lines of its answer that do not merely repeat the status
     * ({@code Server Error}), joined, cut at {@value #MAX_SAID} characters; empty when it said nothing more.
     */
    static String said(String body, String reason) {
        if (body == null) return "";
        String joined = String.join(" / ", body.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !reason.contains(l)).toList());
        return joined.length() <= MAX_SAID ? joined : joined.substring(0, MAX_SAID) + "...";
    }

    @Override
    public String description() {
        return "endpoint " + url;
    }

    @Override
    public Optional<DatasetGraph> dataset() {
        return Optional.empty();
    }
}
