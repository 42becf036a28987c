package org.w3id.claimgraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.validation.DataValidator;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.graph.GraphSource;

/**
 * The claim graph over HTTP: an embedded Fuseki serving one dataset at {@value #DATASET} by the SPARQL 1.1
 * Protocol and the Graph Store Protocol, safe to expose as built.
 *
 * <ul>
 * <li>{@code /kg/sparql} and {@code /kg/query}: SPARQL query; {@code /kg/get}: Graph Store Protocol, read.
 *     The default graph is the union of the named graphs.</li>
 * <li>Read-only unless {@link Builder#updateUsers update users} are given; then {@code /kg/update} (SPARQL
 *     Update) and {@code /kg/data} (Graph Store Protocol, read-write) require HTTP Basic authentication, and
 *     every write is checked against the SHACL shapes before it is applied ({@link CheckedWrites}).</li>
 * <li>A query timeout that clients can shorten but not raise (503 when it passes); no {@code SERVICE}, no
 *     functions by class name or script, no {@code LOAD}, no remote JSON-LD contexts; no admin endpoints; a
 *     cap on request bodies (413); CORS without credentials on the read endpoints.</li>
 * <li>{@code /$/ping}, {@code /$/metrics} (Prometheus), {@code /$/stats}; the SPARQL editor at {@code /ui/}.</li>
 * </ul>
 *
 * <pre>
 * ClaimServer server = ClaimServer.builder().dataset(dsg).port(0).queryTimeout(Duration.ofSeconds(5)).build().start();
 * ... server.url() ...
 * server.stop();
 * </pre>
 *
 * Other features plug in with {@link Builder#addServlet} and {@link Builder#addFilter} (passed to
 * Fuseki's builder; a servlet at {@code ""} is the page at {@code /}) and {@link Builder#corsPath}.
 */
public final class ClaimServer {
    /** The dataset's path on the server. */
    public static final String DATASET = "/kg";
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_PORT = 3030;
    /** Large enough for any curated graph sent by the Graph Store Protocol; a query is far smaller. */
    public static final long DEFAULT_MAX_REQUEST_BODY = 10L * 1024 * 1024;
    /** Rows an ORDER BY holds in memory per query before it sorts in temporary files (ARQ's spill threshold). */
    public static final long SORT_ROWS_IN_MEMORY = 100_000L;

    private final FusekiServer fuseki;
    private final boolean updates;
    private final Duration queryTimeout;
    private int port;

    private ClaimServer(FusekiServer fuseki, boolean updates, Duration queryTimeout) {
        this.fuseki = fuseki;
        this.updates = updates;
        this.queryTimeout = queryTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving; returns once the server accepts connections. */
    public ClaimServer start() {
        fuseki.start();
        port = fuseki.getHttpPort();
        return this;
    }

    /** Stops the server; requests in progress are cut off. Closing the dataset is the caller's business. */
    public void stop() {
        fuseki.stop();
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    /** The port the server listens on (the one chosen, for port 0), once started. */
    public int port() {
        return port;
    }

    /** {@code http://localhost:PORT/}, once started. */
    public String url() {
        return "http://localhost:" + port + "/";
    }

    public String sparqlUrl() {
        return url() + DATASET.substring(1) + "/sparql";
    }

    public String graphStoreUrl() {
        return url() + DATASET.substring(1) + "/get";
    }

    public String editorUrl() {
        return url() + EditorUi.PATH.substring(1);
    }

    /** Whether {@code /kg/update} and {@code /kg/data} exist. */
    public boolean updatesEnabled() {
        return updates;
    }

    public Duration queryTimeout() {
        return queryTimeout;
    }

    /** Collects the settings; {@link #build} checks them and wires up Fuseki. */
    public static final class Builder {
        private DatasetGraph dataset;
        private int port = DEFAULT_PORT;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private Path updateUsers;
        private long maxRequestBody = DEFAULT_MAX_REQUEST_BODY;
        private boolean requestLog;
        private UnaryOperator<Query> queryRewrite = UnaryOperator.identity();
        private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();
        private final List<Map.Entry<String, Filter>> filters = new ArrayList<>();
        private final List<String> corsPaths = new ArrayList<>(List.of(
                DATASET + "/sparql", DATASET + "/query", DATASET + "/get", "/$/ping"));

        private Builder() {}

        /**
         * The dataset to serve: the named graphs of a build (in memory, from {@code GraphBuild}) or a TDB2
         * database from {@code TdbStore.open}. It is served with the union of its named graphs as the
         * default graph; it must hold the shapes graph if updates are enabled.
         */
        public Builder dataset(DatasetGraph dsg) {
            this.dataset = Objects.requireNonNull(dsg, "dataset");
            return this;
        }

        /** The HTTP port; 0 picks a free one (see {@link ClaimServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new InputException("port " + port + " is not between 0 and 65535");
            this.port = port;
            return this;
        }

        /** The longest a query may run; clients may ask for less with {@code ?timeout=} but not for more. */
        public Builder queryTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toMillis() == 0) {
                throw new InputException("the query timeout must be at least 1 ms (got " + timeout + ")");
            }
            this.queryTimeout = timeout;
            return this;
        }

        /**
         * Enables {@code /kg/update} and {@code /kg/data} for the users in {@code file} (Jetty's
         * HashLoginService format: {@code user: password} per line), with HTTP Basic authentication.
         */
        public Builder updateUsers(Path file) {
            this.updateUsers = file;
            return this;
        }

        /** The largest request body accepted, in bytes; larger ones get 413. */
        public Builder maxRequestBody(long bytes) {
            if (bytes < 1) throw new InputException("the request body limit must be positive");
            this.maxRequestBody = bytes;
            return this;
        }

        /** Log each request (Fuseki's action log) at INFO. */
        public Builder requestLog(boolean on) {
            this.requestLog = on;
            return this;
        }

        /**
         * How each query to the SPARQL endpoints is turned into the one that runs, after the request policy has
         * checked it (the claimgraph server resolves references to the validation rules here).
         */
        public Builder queryRewrite(UnaryOperator<Query> rewrite) {
            this.queryRewrite = Objects.requireNonNull(rewrite);
            return this;
        }

        /** Adds a servlet (Fuseki dispatches datasets first, then servlets). {@code ""} is the root page. */
        public Builder addServlet(String pathSpec, HttpServlet servlet) {
            servlets.put(Objects.requireNonNull(pathSpec), Objects.requireNonNull(servlet));
            return this;
        }

        /** Adds a filter that runs before Fuseki's dataset dispatch. */
        public Builder addFilter(String pathSpec, Filter filter) {
            filters.add(Map.entry(Objects.requireNonNull(pathSpec), Objects.requireNonNull(filter)));
            return this;
        }

        /** Serves CORS headers (no credentials) on another read-only path, e.g. {@code /api/*}. */
        public Builder corsPath(String pathSpec) {
            corsPaths.add(Objects.requireNonNull(pathSpec));
            return this;
        }

        public ClaimServer build() {
            if (dataset == null) throw new IllegalStateException("no dataset to serve");
            if ("true".equalsIgnoreCase(System.getProperty(ARQ.systemPropertyScripting))) {
                throw new InputException("refusing to serve with SPARQL script functions enabled (-D"
                        + ARQ.systemPropertyScripting + "=true)");
            }
            if (updateUsers != null) requireUsers(updateUsers);
            NoRemoteDocuments.install();
            if (requestLog) ServerLogging.logRequests();

            DatasetGraph served = new DeadlineDataset(GraphSource.unionView(dataset));
            Context context = served.getContext();
            String millis = Long.toString(queryTimeout.toMillis());
            context.set(ARQ.queryTimeout, millis);
            context.set(ARQ.updateTimeout, millis);
            context.set(ARQ.httpServiceAllowed, false);
            // ORDER BY keeps at most this many rows of a query in memory and sorts the rest in temporary
            // files, so that a few concurrent sorted queries over a million claims cannot exhaust the heap.
            context.set(ARQ.spillToDiskThreshold, SORT_ROWS_IN_MEMORY);

            FusekiServer.Builder fuseki = FusekiServer.create()
                    .port(port)
                    // No modules from the class path: in particular never the admin module.
                    .fusekiModules(FusekiModules.create())
                    .enablePing(true)
                    .enableStats(true)
                    .enableMetrics(true)
                    .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery, new SafeQuery(queryRewrite))
                    .addDataset(DATASET, served)
                    .addEndpoint(DATASET, "sparql", Operation.Query)
                    .addEndpoint(DATASET, "query", Operation.Query)
                    .addEndpoint(DATASET, "get", Operation.GSP_R);

            boolean updates = updateUsers != null;
            if (updates) {
                CheckedWrites writes = new CheckedWrites(dataset);
                fuseki.registerOperation(Operation.Update, WebContent.contentTypeSPARQLUpdate, new ShaclCheckedUpdate(writes))
                        .registerOperation(Operation.GSP_RW, null, new ShaclCheckedGsp(writes))
                        .addEndpoint(DATASET, "update", Operation.Update, Auth.ANY_USER)
                        .addEndpoint(DATASET, "data", Operation.GSP_RW, Auth.ANY_USER)
                        .passwordFile(updateUsers.toAbsolutePath().toString())
                        .auth(AuthScheme.BASIC)
                        .realm("claimgraph");
            }

            corsPaths.forEach(path -> fuseki.addFilter(path, new CorsPolicy()));
            for (String endpoint : List.of("/sparql", "/query")) {
                fuseki.addFilter(DATASET + endpoint, new QueryDeadline(queryTimeout));
            }
            fuseki.addFilter("/*", new BodySizeLimit(maxRequestBody));
            filters.forEach(f -> fuseki.addFilter(f.getKey(), f.getValue()));

            // What the SPARQL editor reads about the server; none of it changes anything.
            fuseki.addServlet("/$/server", new ActionServerStatus())
                    .addServlet("/$/validate/query", new QueryValidator())
                    .addServlet("/$/validate/data", new DataValidator());
            if (EditorUi.available()) fuseki.addServlet(EditorUi.PATH + "*", new EditorUi());

            servlets.forEach(fuseki::addServlet);

            return new ClaimServer(fuseki.build(), updates, queryTimeout);
        }

        private static void requireUsers(Path file) {
            if (!Files.isRegularFile(file)) throw new InputException(file + ": no such user file");
            Properties users = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                users.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new InputException(file + ": cannot read the user file: " + e.getMessage(), e);
            }
            if (users.isEmpty()) {
                throw new InputException(file + ": no users (one 'name: password' per line)");
            }
        }
    }
}
