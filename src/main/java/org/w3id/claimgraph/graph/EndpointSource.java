package org.w3id.claimgraph.graph;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.w3id.claimgraph.project.InputException;

/**
 * A SPARQL 1.1 Protocol endpoint. Each query goes out as a form-encoded POST of Jena's serialization of its
 * syntax tree, so bound values travel as properly escaped RDF terms; an endpoint that cannot be reached or
 * refuses a query is an input error carrying the endpoint's own error text. The form POST is the one form every
 * engine tried accepts for queries of any length: Jena's default sends long queries as a raw
 * {@code application/sparql-query} body, which Virtuoso 7.2 never answers.
 */
final class EndpointSource extends QueryingSource {
    private final String url;

    EndpointSource(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new InputException("--endpoint " + url + ": not an http(s) URL");
        }
        this.url = url;
    }

    /**
     * The rows with xsd:boolean literals in their canonical form: Virtuoso 7.2 writes {@code "1"^^xsd:boolean} and
     * {@code "0"^^xsd:boolean}, the same values as {@code true} and {@code false} but a form that readers comparing
     * lexical forms take for neither. Rows still stream.
     */
    @Override
    public <T> T stream(Query query, Duration timeout, Function<RowSet, T> reader) {
        return run(query, timeout, exec -> reader.apply(canonicalBooleans(exec.select())));
    }

    static RowSet canonicalBooleans(RowSet rows) {
        List<Var> vars = rows.getResultVars();
        return RowSetStream.create(vars, Iter.map(rows, row -> {
            BindingBuilder builder = null;
            for (Var v : vars) {
                Node n = row.get(v);
                if (n != null && n.isLiteral() && XSDDatatype.XSDboolean.getURI().equals(n.getLiteralDatatypeURI())
                        && (n.getLiteralLexicalForm().equals("1") || n.getLiteralLexicalForm().equals("0"))) {
                    if (builder == null) builder = BindingFactory.builder(row);
                    builder.set(v, NodeFactory.createLiteralDT(n.getLiteralLexicalForm().equals("1") ? "true" : "false", XSDDatatype.XSDboolean));
                }
            }
            return builder == null ? row : builder.build();
        }));
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

    /**
     * The reason in words: the HTTP status, Jena's message and what the endpoint itself said ({@link #said}: Virtuoso
     * puts its error code and message after a first line), or, when no answer came, each cause (connection refused,
     * unknown host, ...).
     */
    private InputException failure(RuntimeException e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        int status = e instanceof QueryExceptionHTTP http ? http.getStatusCode() : e instanceof HttpException http ? http.getStatusCode() : -1;
        String body = e instanceof QueryExceptionHTTP http ? http.getResponse() : e instanceof HttpException http ? http.getResponse() : null;
        StringBuilder reason = new StringBuilder();
        if (status > 0) reason.append("HTTP ").append(status).append(' ');
        reason.append(message);
        String said = said(body, reason.toString());
        if (!said.isEmpty()) {
            reason.append(": ").append(said);
        } else if (status <= 0) {
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                reason.append(cause == e.getCause() ? " (" : "; ").append(cause);
                if (cause.getCause() == null || cause.getCause() == cause) reason.append(')');
            }
        }
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
