package org.w3id.claimgraph.query.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.Prefixes;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.query.Page;
import org.w3id.claimgraph.query.ParameterException;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.query.ResultFormat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The named queries as a REST API. Mounted at {@code /api/*}:
 * <ul>
 * <li>{@code GET /api/queries}: the list of queries (JSON)</li>
 * <li>{@code GET /api/queries/NAME?param=value}: the results, SPARQL JSON by default; CSV, TSV or XML by {@code Accept};
 * {@code limit} and {@code offset} ask for one page of them</li>
 * <li>{@code GET /api/queries/NAME.rq}: the query text</li>
 * <li>{@code GET /api/openapi.json}: the OpenAPI 3 description, generated from the query headers</li>
 * </ul>
 * A bad parameter is a 400 with a JSON body naming it; an unknown query or path a 404; a query that passes
 * the timeout, or runs out of memory, before the answer has been sent a 503. Rows are written as the query
 * yields them, never all held; the first {@value #BUFFER} bytes are held back, so that a query failing before
 * then still gets its status. One that fails after (the timeout striking mid-stream) has its connection
 * aborted: the body then has no end (no final chunk), which every HTTP client reports as an error, instead of a
 * complete-looking 200 cut short.
 * <pre>
 * FusekiServer.create().add("/kg", dsg, false).addServlet("/api/*", new QueryApiServlet(library, GraphSource.of(dsg, "kg")))
 * </pre>
 */
public final class QueryApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(QueryApiServlet.class);
    private static final String QUERIES = "/queries";
    /** Bytes of results held back before the status is sent. */
    static final int BUFFER = 1 << 20;
    private static final AcceptList OFFERED = AcceptList.create(
            ResultFormat.JSON.mediaType(), "application/json", ResultFormat.CSV.mediaType(),
            ResultFormat.TSV.mediaType(), ResultFormat.XML.mediaType());

    private final transient QueryLibrary library;
    private final transient GraphSource target;
    private final transient Duration timeout;
    private final int buffer;

    /** With no limit on how long a query may run. */
    public QueryApiServlet(QueryLibrary library, GraphSource target) {
        this(library, target, null);
    }

    /** {@code timeout}: how long a query may run (null: no limit), as the server's SPARQL endpoints allow. */
    public QueryApiServlet(QueryLibrary library, GraphSource target, Duration timeout) {
        this(library, target, timeout, BUFFER);
    }

    /** With {@code buffer} bytes held back instead of {@value #BUFFER} (for tests of what follows a full buffer). */
    QueryApiServlet(QueryLibrary library, GraphSource target, Duration timeout, int buffer) {
        this.library = library;
        this.target = target;
        this.timeout = timeout;
        this.buffer = buffer;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        try {
            if (path.equals("/openapi.json")) {
                JsonResponse.send(resp, 200, OpenApi.document(library, req.getContextPath() + req.getServletPath()));
            } else if (path.equals(QUERIES) || path.equals(QUERIES + "/")) {
                JsonResponse.send(resp, 200, QueryListing.of(library));
            } else if (path.startsWith(QUERIES + "/") && path.endsWith(".rq")) {
                sendText(resp, path.substring(QUERIES.length() + 1, path.length() - 3));
            } else if (path.startsWith(QUERIES + "/")) {
                run(req, resp, path.substring(QUERIES.length() + 1));
            } else {
                sendError(resp, 404, "no such resource: " + path + " (try " + req.getServletPath() + "/queries or "
                        + req.getServletPath() + "/openapi.json)", null);
            }
        } catch (ParameterException e) {
            sendError(resp, 400, e.getMessage(), e.parameter());
        } catch (QueryCancelledException e) {
            failMidStream(resp, e);
            sendError(resp, 503, "the query did not finish within the server's timeout"
                    + (timeout == null ? "" : " of " + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s")) + "; ask for less (see its parameters)", null);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (InputException e) {
            LOG.warn("query API: {}", e.getMessage());
            failMidStream(resp, e);
            sendError(resp, 502, e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.error("query API: {} failed", path, e);
            failMidStream(resp, e);
            sendError(resp, 500, "internal error: " + e, null);
        } catch (OutOfMemoryError e) {
            LOG.warn("query API: {} ran out of memory and was stopped", path);
            failMidStream(resp, new IllegalStateException("out of memory"));
            sendError(resp, 503, "the query needed more memory than this server can give one request; ask for less (a page: limit and offset)", null);
        }
    }

    /**
     * A failure after the status was sent cannot change it: the connection is aborted instead, so that the
     * client sees a body without its end rather than a complete-looking 200.
     */
    private static void failMidStream(HttpServletResponse resp, Exception cause) throws IOException {
        if (resp.isCommitted()) throw new IOException("the answer was cut off: " + cause.getMessage(), cause);
    }

    private Optional<NamedQuery> find(HttpServletResponse resp, String name) throws IOException {
        Optional<NamedQuery> query = library.find(name);
        if (query.isEmpty()) {
            sendError(resp, 404, "no query named '" + name + "' (the list is at queries)", null);
        }
        return query;
    }

    private void sendText(HttpServletResponse resp, String name) throws IOException {
        Optional<NamedQuery> query = find(resp, name);
        if (query.isEmpty()) return;
        resp.setStatus(200);
        resp.setContentType("application/sparql-query");
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write(query.get().text().getBytes(StandardCharsets.UTF_8));
    }

    private void run(HttpServletRequest req, HttpServletResponse resp, String name) throws IOException {
        Optional<NamedQuery> query = find(resp, name);
        if (query.isEmpty()) return;
        Map<String, String> values = values(req);
        Page page = Page.parse(values.remove("limit"), values.remove("offset"));
        Query bound = page.applyTo(query.get().bind(values));
        ResultFormat format = negotiate(req.getHeader("Accept"));
        target.stream(bound, timeout, rows -> {
            // The work up to the first row (all of it, for a sorted query) is done before the status is sent,
            // so that a timeout or failure there is still answered with an error instead of a cut-off 200.
            rows.hasNext();
            resp.setStatus(200);
            resp.setContentType(format.mediaType());
            resp.setCharacterEncoding("UTF-8");
            resp.addHeader("Vary", "Accept");
            try {
                HeldBack out = new HeldBack(resp, buffer);
                format.write(rows, out, Prefixes.forQuery(bound.getPrefixMapping()));
                out.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private static Map<String, String> values(HttpServletRequest req) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
            if (e.getValue().length != 1) {
                throw new ParameterException(e.getKey(), "parameter '" + e.getKey() + "' is given " + e.getValue().length + " times");
            }
            values.put(e.getKey(), e.getValue()[0]);
        }
        return values;
    }

    /** SPARQL JSON unless the client prefers CSV, TSV or XML; plain application/json is the same JSON. */
    static ResultFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) return ResultFormat.JSON;
        MediaType chosen;
        try {
            chosen = AcceptList.match(new AcceptList(accept), OFFERED);
        } catch (RuntimeException e) {
            return ResultFormat.JSON;
        }
        if (chosen == null) return ResultFormat.JSON;
        String type = chosen.getContentTypeStr();
        for (ResultFormat f : List.of(ResultFormat.CSV, ResultFormat.TSV, ResultFormat.XML)) {
            if (f.mediaType().equals(type)) return f;
        }
        return ResultFormat.JSON;
    }

    private static void sendError(HttpServletResponse resp, int status, String message, String parameter) throws IOException {
        if (resp.isCommitted()) return;
        resp.reset();
        JsonObject body = new JsonObject();
        body.put("error", message);
        if (parameter != null) body.put("parameter", parameter);
        JsonResponse.send(resp, status, body);
    }
}
