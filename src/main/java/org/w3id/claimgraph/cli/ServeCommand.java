package org.w3id.claimgraph.cli;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.w3id.claimgraph.explore.ClaimFindings;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.explore.Explorer;
import org.w3id.claimgraph.validate.Validator;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.query.api.QueryApiServlet;
import org.w3id.claimgraph.server.Banner;
import org.w3id.claimgraph.server.ClaimServer;
import org.w3id.claimgraph.server.Recomputation;
import org.w3id.claimgraph.summary.Summaries;
import org.w3id.claimgraph.search.TextIndexes;
import org.w3id.claimgraph.server.DatasetSummary;
import org.w3id.claimgraph.graph.DatasetCounts;
import org.w3id.claimgraph.store.TdbStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
                "Serve the graph over the SPARQL 1.1 Protocol and the Graph Store Protocol at /kg, with a SPARQL editor at /ui/.",
                "Without --tdb it builds and verifies the seed graph in memory. Read-only unless --update-users is given.",
                "With --endpoint URL it keeps nothing of the graph: every query goes to that SPARQL endpoint (e.g. a Virtuoso loaded by load --engine virtuoso), so several servers can serve one store.",
                "Ctrl-C or SIGTERM stops the server."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Mixin
    GraphSourceOptions graphSource;

    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest a query may run, e.g. 30s, 500ms, 2m (default: ${DEFAULT-VALUE}); clients cannot raise it.")
    Duration timeout;

    @Option(names = "--max-queries", paramLabel = "N",
            description = "How many requests that query the data run at once; the others wait their turn (default: two per processor, here ${DEFAULT-VALUE}).")
    int maxQueries = ClaimServer.defaultMaxRunningQueries();

    @Option(names = "--update-users", paramLabel = "FILE",
            description = "Enable /kg/update and /kg/data for the users in FILE ('name: password' per line, HTTP Basic); every write is checked against the SHACL shapes.")
    Path updateUsers;

    @Override
    public Integer call() throws InterruptedException {
        ProjectLayout layout = ProjectLayout.locate();
        QueryLibrary library = QueryLibrary.load(layout);
        library.all(); // every named query read and checked: a broken file stops the server before it answers
        String endpoint = graphSource.endpoint();
        if (endpoint != null) {
            // Nothing of the graph in this process: every query goes to the endpoint, so servers can stand side by side.
            GraphSource graph = GraphSource.endpoint(endpoint);
            DatasetSummary summary = DatasetSummary.of(graph, layout.queriesDir().resolve("server"), library);
            ClaimServer.Builder builder = configure(ClaimServer.builder().endpoint(graph), layout, summary);
            // The store behind the endpoint keeps one default graph, without the build's named graphs: the findings
            // are the engine's, run over the endpoint, never a stored report's.
            ClaimServer server = withFeatures(builder, layout, library, graph, ClaimFindings.fromValidator(Validator.load(layout), graph));
            return serve(server, summary, "SPARQL endpoint " + endpoint, () -> {});
        }
        Path tdb = graphSource.localDatabase("serve");
        DatasetGraph dataset;
        String source;
        if (tdb != null) {
            dataset = TdbStore.open(tdb);
            source = tdb.toString();
        } else {
            dataset = GraphBuild.create().layout(layout).build().asDatasetGraph();
            source = "the seed graph (in memory)";
        }
        ClaimServer server;
        DatasetSummary summary;
        try {
            // A database's load counted its quads, graphs and vocabularies (73 million quads take minutes to count
            // again); the seed graph in memory, or a database written to since its load, is counted here.
            Optional<DatasetCounts> counted = tdb == null ? Optional.empty() : TdbStore.counts(tdb);
            summary = counted.isPresent() ? DatasetSummary.of(counted.get(), dataset, library) : DatasetSummary.of(dataset, library);
            ClaimServer.Builder builder = configure(ClaimServer.builder().dataset(dataset), layout, summary)
                    // The indexes are attached to the dataset itself (its context), not to the server's view of it.
                    // Within the write, before it commits: the load's counts are forgotten, so that the next serve
                    // counts the database as the write leaves it.
                    .recomputeAfterWrites(new Recomputation(Summaries.GRAPHS, dsg -> {
                        if (tdb != null) TdbStore.forgetCounts(tdb);
                        Summaries.recompute(dsg, layout);
                    }, committed -> TextIndexes.rebuild(dataset, layout)));
            // The API and the explorer read what SPARQL clients read: the guarded view with the server's timeout.
            GraphSource graph = GraphSource.of(builder.servedDataset(), source);
            server = withFeatures(builder, layout, library, graph, ClaimFindings.of(Validator.load(layout), graph,
                    GraphSource.of(withTimeout(dataset, timeout.multipliedBy(FINDINGS_TIME_FACTOR)), source),
                    GraphSource.of(dataset, source), layout));
        } catch (RuntimeException e) {
            if (tdb != null) TdbStore.close(dataset);
            throw e;
        }
        return serve(server, summary, source, () -> {
            if (tdb != null) TdbStore.close(dataset);
        });
    }

    private ClaimServer.Builder configure(ClaimServer.Builder builder, ProjectLayout layout, DatasetSummary summary) {
        return builder.port(port).queryTimeout(timeout).summary(summary).maxRunningQueries(maxQueries).updateUsers(updateUsers).requestLog(true)
                .queryRewrite(QueryLibrary.resolver(layout));
    }

    /** The named-query API and the explorer with its findings. */
    private ClaimServer withFeatures(ClaimServer.Builder builder, ProjectLayout layout, QueryLibrary library, GraphSource graph,
                                     ClaimFindings findings) {
        builder.addServlet("/api/*", new QueryApiServlet(library, graph, timeout)).corsPath("/api/*");
        ClaimServer server = Explorer.install(builder, layout, graph, findings).build();
        // A start-up count (DatasetSummary, without the load's counts) reads every quad: at a million claims it leaves
        // 3 GB of garbage in the old generation of a 4 GiB heap, which G1 reclaims only after its next concurrent
        // cycle. Until then the memory guard, which reads the old generation after each collection, saw it above its
        // threshold and stopped a first page's 23 MB query (BENCHMARKS.md, "A million claims, loaded through every
        // phase"). One full collection before the server listens reclaims it.
        System.gc();
        start(server);
        return server;
    }

    private int serve(ClaimServer server, DatasetSummary summary, String source, Runnable close) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            close.run();
            System.err.println("claimgraph: server stopped");
        }, "claimgraph-shutdown"));
        Map<String, String> more = new LinkedHashMap<>();
        more.put("Explorer", server.url() + "  (claims, documents, concepts, evidence matrix, query)");
        more.put("Dataset (VoID)", server.url() + ".well-known/void  (the endpoints describe themselves: GET " + ClaimServer.DATASET + "/sparql)");
        more.put("Named queries (REST)", server.url() + "api/queries  (OpenAPI: " + server.url() + "api/openapi.json)");
        System.out.print(Banner.text(server, summary, source, more));
        System.out.flush();
        server.join();
        return ExitCode.OK;
    }

    /**
     * How many times the server's timeout each validation rule may take when the explorer's findings are
     * computed, once, in the background: a rule goes over every claim, so it takes longer than a request
     * should, but never without bound.
     */
    static final int FINDINGS_TIME_FACTOR = 10;

    /**
     * The dataset with a context of its own in which each query may take at most {@code timeout}: the
     * validation that computes the explorer's findings runs on it.
     */
    private static DatasetGraph withTimeout(DatasetGraph dataset, Duration timeout) {
        Context context = dataset.getContext() == null ? Context.create() : dataset.getContext().copy();
        context.set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
        return new DatasetGraphWrapper(dataset, context);
    }

    private void start(ClaimServer server) {
        try {
            server.start();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new InputException("port " + port + " is in use (choose another with --port)", e);
                }
            }
            throw e;
        }
    }
}
