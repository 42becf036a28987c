package org.w3id.claimgraph.query;

import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;

/**
 * How claimgraph sends a query to a SPARQL 1.1 Protocol endpoint, and how it reports the endpoint's
 * refusal. Every query goes as a URL-encoded form POST ({@code query=...}), the one form all the engines
 * tried accept for queries of any length: Jena's default sends long queries as a raw
 * {@code application/sparql-query} body, which Virtuoso 7.2 never answers. A failure carries the
 * endpoint's own error text (its response body), not only the HTTP status line.
 */
public final class SparqlEndpoint {
    /** How much of an endpoint's error body a message quotes. */
    private static final int ERROR_TEXT_LIMIT = 500;

    private SparqlEndpoint() {}

    /**
     * The rows an endpoint returned, with xsd:boolean literals in their canonical form: Virtuoso 7.2 writes
     * {@code "1"^^xsd:boolean} and {@code "0"^^xsd:boolean}, the same values as {@code true} and {@code false}
     * but a form that readers comparing lexical forms take for neither. Rows still stream.
     */
    public static RowSet canonicalBooleans(RowSet rows) {
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

    /** A request for {@code query} to the endpoint at {@code url}, sent as a form POST. */
    public static QueryExecHTTPBuilder request(String url, Query query) {
        return QueryExecHTTP.service(url).query(query).sendMode(QuerySendMode.asPostForm);
    }

    /**
     * Why a request failed, in words: the HTTP status and the endpoint's error text (its body, white space
     * collapsed, cut at 500 characters), or the causes of a failure to connect.
     */
    public static String reason(RuntimeException e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        int status = -1;
        String body = null;
        if (e instanceof QueryExceptionHTTP http) {
            status = http.getStatusCode();
            body = http.getResponse();
        } else if (e instanceof HttpException http) {
            status = http.getStatusCode();
            body = http.getResponse();
        }
        StringBuilder reason = new StringBuilder();
        if (status > 0) reason.append("HTTP ").append(status).append(' ');
        reason.append(message);
        if (body != null && !body.isBlank()) {
            String text = body.strip().replaceAll("\\s+", " ");
            if (text.length() > ERROR_TEXT_LIMIT) text = text.substring(0, ERROR_TEXT_LIMIT) + " …";
            reason.append(": ").append(text);
        } else if (status <= 0) {
            // Not an answer from the endpoint: name each cause (connection refused, unknown host, ...).
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                reason.append(cause == e.getCause() ? " (" : "; ").append(cause);
                if (cause.getCause() == null || cause.getCause() == cause) reason.append(')');
            }
        }
        return reason.toString();
    }
}
