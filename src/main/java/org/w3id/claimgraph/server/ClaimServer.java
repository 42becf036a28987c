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
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.system.Txn;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.InputException;

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
 * <li>A query timeout that clients can shorten but not raise (503 when it passes), enforced by a watchdog
 *     ({@link QueryDeadline}); no {@code SERVICE}, no functions by class name or script, no {@code LOAD}, no
 *     remote JSON-LD contexts; no admin endpoints; a cap on request bodies (413) and the bounds of
 *     {@link QueryLimits}; CORS without credentials on the read endpoints.</li>
 * <li>Every query runs on {@link #servedDataset a view of the dataset} with a context of its own: the
 *     server's functions only ({@link GuardedFunctions}), the guarded engine ({@link GuardedEngine}), the
 *     timeout. At most {@link Builder#maxRunningQueries} requests on the query paths run at once
 *     ({@link Admission}); a request that fills the heap is stopped ({@link MemoryGuard}).</li>
 * <li>Discovery: GET on {@code /kg/sparql} or {@code /kg/query} without a query answers the SPARQL 1.1 Service
 *     Description ({@link ServiceDescription}); {@code /.well-known/void} the VoID description of the dataset
 *     ({@link DatasetDescription}, given {@link Builder#summary}).</li>
 * <li>{@code /$/ping}; the SPARQL editor at {@code /ui/} (with a {@code /$/server} that lists the endpoints
 *     and nothing else). No statistics or metrics for strangers.</li>
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

    /** Threads of the HTTP server; requests on the query paths take at most {@link Builder#maxRunningQueries} of them. */
    public static final int THREADS = 32;

    private final FusekiServer fuseki;
    private final boolean updates;
    private final boolean graphStore;
    private final Duration queryTimeout;
    private int port;

    private ClaimServer(FusekiServer fuseki, boolean updates, boolean graphStore, Duration queryTimeout) {
        this.fuseki = fuseki;
        this.updates = updates;
        this.graphStore = graphStore;
        this.queryTimeout = queryTimeout;
    }

    /**
     * How many requests on the query paths may run at once by default: two per processor, 2 to 16. Queries
     * are bound by the processors; more at once would only slow each and the health check with them.
     */
    public static int defaultMaxRunningQueries() {
        return Math.max(2, Math.min(16, 2 * Runtime.getRuntime().availableProcessors()));
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

    /** Whether {@code /kg/get} exists: not for a server over a SPARQL endpoint. */
    public boolean graphStoreEnabled() {
        return graphStore;
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
        private GraphSource endpoint;
        private DatasetGraph served;
        private final Context servedContext = new Context();
        private int maxRunningQueries = defaultMaxRunningQueries();
        private int port = DEFAULT_PORT;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private Path updateUsers;
        private long maxRequestBody = DEFAULT_MAX_REQUEST_BODY;
        private boolean requestLog;
        private UnaryOperator<Query> queryRewrite = UnaryOperator.identity();
        private DatasetSummary summary;
        private Recomputation recomputation;
        private long heapForWrites = Runtime.getRuntime().maxMemory();
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
            this.endpoint = null;
            this.served = null;
            return this;
        }

        /**
         * Serves the graph of a SPARQL endpoint ({@link GraphSource#endpoint}) instead of a dataset in this process:
         * every query at {@code /kg/sparql} is checked and rewritten as usual, then sent whole to the endpoint
         * ({@link EndpointEngine}). The server keeps nothing of the graph, so several can serve one store. Read-only,
         * and without Graph Store reads ({@code /kg/get}): the store holds the graph as one default graph, not the
         * dataset's named graphs.
         */
        public Builder endpoint(GraphSource source) {
            this.endpoint = Objects.requireNonNull(source, "endpoint");
            this.dataset = DatasetGraphFactory.empty();
            this.served = null;
            return this;
        }

        /**
         * The view of the dataset that every request reads: the union of the named graphs as the default
         * graph, the request's deadline checked at every step, and a context of its own (the server's
         * timeout, functions and query engine), so that none of it leaks into the dataset itself, which the
         * server's own start-up work (counts, validation) reads without a timeout. Give it to the named-query
         * API and the explorer ({@code GraphSource.of(builder.servedDataset(), ...)}).
         */
        public DatasetGraph servedDataset() {
            if (dataset == null) throw new IllegalStateException("no dataset to serve");
            if (served == null) {
                Context base = dataset.getContext();
                if (base != null) base.keys().forEach(k -> servedContext.set(k, base.get(k)));
                setTimeout(servedContext, queryTimeout);
                servedContext.set(ARQ.httpServiceAllowed, false);
                // ORDER BY keeps at most this many rows of a query in memory and sorts the rest in temporary
                // files, so that a few concurrent sorted queries over a million claims cannot exhaust the heap.
                servedContext.set(ARQ.spillToDiskThreshold, SORT_ROWS_IN_MEMORY);
                GuardedFunctions.install(servedContext);
                if (endpoint != null) EndpointEngine.install(servedContext, endpoint, queryTimeout);
                else GuardedEngine.install(servedContext);
                served = new DeadlineDataset(GraphSource.unionView(dataset), servedContext);
            }
            return served;
        }

        private static void setTimeout(Context context, Duration timeout) {
            String millis = Long.toString(timeout.toMillis());
            context.set(ARQ.queryTimeout, millis);
            context.set(ARQ.updateTimeout, millis);
        }

        /** How many requests on the query paths ({@code /kg}, {@code /api}, {@code /id}) run at once; the rest wait. */
        public Builder maxRunningQueries(int n) {
            if (n < 1) throw new InputException("the number of queries run at once must be at least 1");
            this.maxRunningQueries = n;
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
            setTimeout(servedContext, timeout);
            return this;
        }

        /**
         * Enables {@code /kg/update} and {@code /kg/data} for the users in {@code file} (Jetty's
         * HashLoginService format: {@code user: password} per line), with HTTP Basic authentication.
         */
        /** Whether writes will be accepted (update users are given), so that pages that write are offered. */
        public boolean acceptsUpdates() {
            return updateUsers != null;
        }

        public Builder updateUsers(Path file) {
            this.updateUsers = file;
            return this;
        }

        /**
         * What every checked write that passes its checks computes again, after the derivation, in the same write
         * (the stored findings and summaries); the graphs it writes are refused to clients.
         */
        public Builder recomputeAfterWrites(Recomputation r) {
            this.recomputation = Objects.requireNonNull(r);
            return this;
        }

        /**
         * The heap checked writes may count on, in bytes (default: this JVM's maximum heap): with update users, a
         * server whose dataset's in-memory copy would take more than half of it does not start ({@link WriteMemory}).
         */
        public Builder heapForWrites(long bytes) {
            this.heapForWrites = bytes;
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

        /**
         * Describes the dataset by VoID at {@code /.well-known/void} with these counts (made once, at start, by
         * {@link DatasetSummary#of}); without it there is no VoID description.
         */
        public Builder summary(DatasetSummary summary) {
            this.summary = Objects.requireNonNull(summary);
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
            if (updateUsers != null && endpoint != null) {
                throw new InputException("a server over a SPARQL endpoint is read-only: load the store instead of giving update users");
            }
            if (updateUsers != null) {
                requireUsers(updateUsers);
                long quads = summary != null ? summary.triples() : Txn.calculateRead(dataset, () -> Iter.count(dataset.find()));
                WriteMemory memory = new WriteMemory(quads, heapForWrites);
                if (!memory.fits()) throw new InputException(memory.refusal());
            }
            NoRemoteDocuments.install();
            MemoryGuard.install();
            if (requestLog) ServerLogging.logRequests();

            DatasetGraph served = servedDataset();
            FusekiServer.Builder fuseki = FusekiServer.create()
                    .port(port)
                    .maxServerThreads(THREADS)
                    // No modules from the class path: in particular never the admin module.
                    .fusekiModules(FusekiModules.create())
                    .enablePing(true)
                    .registerOperation(Operation.Query, WebContent.contentTypeSPARQLQuery, new SafeQuery(queryRewrite, endpoint != null))
                    .registerOperation(Operation.GSP_R, null, new SafeGspRead())
                    .addDataset(DATASET, served)
                    .addEndpoint(DATASET, "sparql", Operation.Query)
                    .addEndpoint(DATASET, "query", Operation.Query);
            if (endpoint == null) fuseki.addEndpoint(DATASET, "get", Operation.GSP_R);

            boolean updates = updateUsers != null;
            if (updates) {
                CheckedWrites writes = new CheckedWrites(dataset, servedContext, recomputation);
                fuseki.registerOperation(Operation.Update, WebContent.contentTypeSPARQLUpdate, new ShaclCheckedUpdate(writes))
                        .registerOperation(Operation.GSP_RW, null, new ShaclCheckedGsp(writes))
                        .addEndpoint(DATASET, "update", Operation.Update, Auth.ANY_USER)
                        .addEndpoint(DATASET, "data", Operation.GSP_RW, Auth.ANY_USER)
                        .passwordFile(updateUsers.toAbsolutePath().toString())
                        .auth(AuthScheme.BASIC)
                        .realm("claimgraph");
            }

            List<String> cors = new ArrayList<>(corsPaths);
            if (summary != null) cors.add(DatasetDescription.PATH);
            fuseki.addFilter("/*", new SecurityHeaders());
            cors.forEach(path -> fuseki.addFilter(path, new CorsPolicy()));
            fuseki.addFilter("/*", new BodySizeLimit(maxRequestBody));
            fuseki.addFilter("/*", new RequestChecks());
            for (String path : Admission.QUERY_PATHS) fuseki.addFilter(path, new QueryDeadline(queryTimeout));
            filters.forEach(f -> fuseki.addFilter(f.getKey(), f.getValue()));
            // GET on a query endpoint without a query: the SPARQL 1.1 Service Description.
            ServiceDescription description = new ServiceDescription(served);
            fuseki.addFilter(DATASET + "/sparql", description).addFilter(DATASET + "/query", description);
            if (summary != null) {
                fuseki.addServlet(DatasetDescription.PATH, new DatasetDescription(summary, endpoint == null));
            }

            // What the SPARQL editor reads about the server: the endpoints, nothing more.
            fuseki.addServlet("/$/server", new ServerStatus());
            if (EditorUi.available()) fuseki.addServlet(EditorUi.PATH + "*", new EditorUi());

            servlets.forEach(fuseki::addServlet);

            FusekiServer built = fuseki.build();
            Server jetty = built.getJettyServer();
            Duration maxWait = queryTimeout.plusSeconds(1);
            jetty.setHandler(new AuthorizationSyntax(new Admission(jetty.getHandler(), maxRunningQueries, maxWait)));
            // A request waiting its turn has not read its body yet: the connection must not time out meanwhile.
            long idle = maxWait.plusSeconds(60).toMillis();
            for (Connector connector : jetty.getConnectors()) {
                if (connector instanceof AbstractConnector c && c.getIdleTimeout() < idle) c.setIdleTimeout(idle);
            }
            return new ClaimServer(built, updates, endpoint == null, queryTimeout);
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
