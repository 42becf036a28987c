package org.w3id.claimgraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.system.Txn;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.build.BuildPhase;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.StrictRdfReader;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.generate.CorpusGenerator;
import org.w3id.claimgraph.server.ClaimServer;
import org.w3id.claimgraph.store.TdbStore;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.rules.RuleSet;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.project.InputException;

/**
 * Measures claimgraph at growing corpus sizes against the physical limits: for each size it generates a
 * corpus, builds it, parses the N-Quads with RIOT into a discarding sink (the loading ceiling), bulk-loads
 * them into TDB2, runs every validation rule as one query over all claims beside one scan over every claim
 * triple (the validation floor), starts the server, and times each named query in-process (the serving
 * floor) and over HTTP at one and at eight clients; then it serves the database with {@code serve --tdb} and times
 * every explorer page in a real browser at one and at eight clients ({@link PageBench}). The report is rewritten after
 * each size.
 */
public final class Benchmark {
    /** Values for the named queries' required parameters; the others keep their defaults. */
    static final Map<String, String> ARGUMENTS = Map.of(
            "concept", "concept:magnesium", "outcome", "concept:sleep-quality", "text", "magnesium");

    public record Settings(List<Long> sizes, long seed, Path work, Path out, int samples, Duration budget,
                           TdbStore.Loader loader, Path rulesFile, Path discussion, String command, boolean keep,
                           Duration queryTimeout, Duration ruleTimeout, PageSettings pages) {}

    /**
     * How the explorer's pages are timed ({@link PageBench}): loads per page at each client count, how many clients at
     * once after the single one (the command's are {@link PageBench#CLIENTS}), how long a page may take before it counts
     * as failed, the page server's JVM options and main class (the CLI's), and the runnable jar of another build to time
     * beside this one (null: none). Null settings: the pages are not timed.
     */
    public record PageSettings(int samples, int clients, Duration pageTimeout, List<String> serverJvm, String serverMain, Path baselineJar) {}

    /**
     * One named query's figures; {@code rows} is -1 when its first run over HTTP failed: {@code failure} says how,
     * null for the server's timeout (503).
     */
    public record QueryResult(String name, String arguments, long rows, Percentiles inProcess, Percentiles oneClient,
                              Percentiles eightClients, String failure) {
        QueryResult(String name, String arguments, long rows, Percentiles inProcess, Percentiles oneClient, Percentiles eightClients) {
            this(name, arguments, rows, inProcess, oneClient, eightClients, null);
        }

        static QueryResult failed(String name, String arguments, String failure) {
            Percentiles none = Percentiles.of(List.of(), 1);
            return new QueryResult(name, arguments, -1, none, none, none, failure);
        }

        boolean timedOut() {
            return rows < 0;
        }
    }

    /** One rule's figures; {@code findings} is -1 when the rule passed the timeout. */
    public record RuleTiming(String id, long findings, double seconds) {
        boolean timedOut() {
            return findings < 0;
        }
    }

    public record SizeResult(long claims, long documents, long quads, double generateSeconds, double buildSeconds,
                             double riotSeconds, double loadSeconds, double phasesSeconds, List<RuleTiming> rules, double scanSeconds,
                             long claimTriples, double serverStartMillis, List<QueryResult> queries,
                             long heapPeakMiB, long processPeakMiB, double loadAverageBefore, double loadAverageAfter,
                             PageBench.Result pages) {
        double validationSeconds() {
            return rules.stream().mapToDouble(RuleTiming::seconds).sum();
        }

        /** What {@code load} does from the sources to a database ready to serve: build, bulk load and the build phases. */
        double wholeLoadSeconds() {
            return buildSeconds + loadSeconds + phasesSeconds;
        }
    }

    private final ProjectLayout repository;
    private final Settings settings;
    private final Consumer<String> log;

    public Benchmark(ProjectLayout repository, Settings settings, Consumer<String> log) {
        this.repository = repository;
        this.settings = settings;
        this.log = log;
    }

    public List<SizeResult> run() throws Exception {
        Machine machine = Machine.current();
        if (settings.pages() != null) {
            // Before hours of loading, not after: the pages are what a person waits for, so a run without them is asked for.
            String cannot = PageBench.cannotRun(repository, settings.pages());
            if (cannot != null) throw new InputException(cannot + " Or run bench with --no-pages to measure without the explorer pages.");
        }
        List<SizeResult> results = new ArrayList<>();
        Files.createDirectories(settings.work());
        for (long size : settings.sizes()) {
            results.add(runSize(size));
            BenchReport.write(settings, machine, results, settings.out());
            log.accept("wrote " + settings.out());
        }
        return results;
    }

    private SizeResult runSize(long size) throws Exception {
        PeakMemory.reset();
        double loadBefore = Machine.loadAverage();
        Path corpus = settings.work().resolve("corpus-" + size);
        Path nquads = settings.work().resolve("claims-" + size + ".nq");
        Path db = settings.work().resolve("tdb-" + size);
        CorpusGenerator.deleteTree(corpus);
        log.accept(size + " claims: generating " + corpus);
        long t0 = System.nanoTime();
        CorpusGenerator.Corpus generated = new CorpusGenerator(repository, size, settings.seed()).writeTo(corpus);
        double generateSeconds = seconds(t0);

        log.accept(size + " claims: building " + nquads);
        t0 = System.nanoTime();
        GraphBuild.Result built = GraphBuild.create().layout(new ProjectLayout(corpus)).progress(log).writeNQuads(nquads);
        double buildSeconds = seconds(t0);

        log.accept(size + " claims: RIOT parse baseline");
        t0 = System.nanoTime();
        StreamRDFCounting counter = StreamRDFLib.count(StreamRDFLib.sinkNull());
        RDFParser.source(nquads).lang(Lang.NQUADS).parse(counter);
        double riotSeconds = seconds(t0);
        if (counter.countQuads() + counter.countTriples() != built.quads()) {
            throw new IllegalStateException("RIOT read " + counter.count() + " quads, the build wrote " + built.quads());
        }

        log.accept(size + " claims: loading " + db + " (" + settings.loader().name().toLowerCase() + " loader)");
        t0 = System.nanoTime();
        long[] phaseNanos = {0};
        ProjectLayout corpusLayout = new ProjectLayout(corpus);
        try (TdbStore.Replacement replacement = TdbStore.replace(db)) {
            replacement.write(nquads, built.prefixes(), built.quads(), settings.loader(),
                    (fmt, args) -> log.accept("load: " + String.format(fmt, args)),
                    tdb -> {
                        long p0 = System.nanoTime();
                        BuildPhase.runEach(BuildPhase.STANDARD, tdb, corpusLayout, log);
                        phaseNanos[0] = System.nanoTime() - p0;
                    });
        }
        double loadSeconds = seconds(t0) - phaseNanos[0] / 1e9;
        log.accept(String.format("%d claims: the build phases (the derivation: grades, assertions, contradictions) took %.1f s,"
                + " not counted in the load rate", size, phaseNanos[0] / 1e9));
        if (!settings.keep()) Files.deleteIfExists(nquads);

        log.accept(size + " claims: starting the server");
        t0 = System.nanoTime();
        DatasetGraph dsg = TdbStore.open(db);
        ClaimServer server = ClaimServer.builder().dataset(dsg).port(0).queryTimeout(settings.queryTimeout()).build().start();
        HttpLatency http = new HttpLatency(server.sparqlUrl(), settings.queryTimeout());
        while (!http.ok(server.url() + "$/ping")) Thread.sleep(5);
        double serverStartMillis = (System.nanoTime() - t0) / 1e6;
        try {
            List<RuleTiming> rules;
            long claimTriples;
            double scanSeconds;
            List<QueryResult> queries;
            List<ExplorerPage> pages;
            try {
                GraphSource source = GraphSource.of(dsg, "TDB2 database " + db);
                rules = validate(source, size);
                log.accept(size + " claims: claim scan baseline");
                t0 = System.nanoTime();
                claimTriples = scanClaimGraphs(dsg);
                scanSeconds = seconds(t0);
                queries = queries(source, http, size);
                pages = settings.pages() == null ? List.of() : ExplorerPage.choose(source, repository);
            } finally {
                server.stop();
                TdbStore.close(dsg);
            }
            long heapPeak = PeakMemory.heapPeakMiB();
            long processPeak = PeakMemory.processHighWaterMiB();
            double loadAfter = Machine.loadAverage();
            // The pages' server is a process of its own, as a person runs it, so this one has let go of the database.
            PageBench.Result pageResult = settings.pages() == null ? null : new PageBench(repository, settings.pages(), line -> log.accept(size + " claims: " + line)).run(db, pages);
            return new SizeResult(generated.claims(), built.documents(), built.quads(), generateSeconds, buildSeconds,
                    riotSeconds, loadSeconds, phaseNanos[0] / 1e9, rules, scanSeconds, claimTriples, serverStartMillis, queries,
                    heapPeak, processPeak, loadBefore, loadAfter, pageResult);
        } finally {
            if (!settings.keep()) {
                TdbStore.delete(db);
                CorpusGenerator.deleteTree(corpus);
            }
        }
    }

    /** Each rule as validate runs it on a store ({@link Rule#fullScan()}: its query with the target join), timed alone. */
    private List<RuleTiming> validate(GraphSource source, long size) {
        List<RuleTiming> results = new ArrayList<>();
        if (settings.rulesFile() == null || !Files.isRegularFile(settings.rulesFile())) return results;
        RuleSet rules = RuleSet.read(new StrictRdfReader(repository).readGraph(settings.rulesFile()), repository.display(settings.rulesFile()));
        for (Rule rule : rules.all()) {
            log.accept(size + " claims: rule " + rule.id());
            long t0 = System.nanoTime();
            long findings = count(source, rule.fullScan(), settings.ruleTimeout());
            results.add(new RuleTiming(rule.id(), findings, seconds(t0)));
            if (findings < 0) log.accept(size + " claims: rule " + rule.id() + " timed out");
        }
        return results;
    }

    /** Every triple of every claim graph, read once from the store: what any validation of every claim must at least do. */
    static long scanClaimGraphs(DatasetGraph dsg) {
        String prefix = GraphNames.document("");
        return Txn.calculateRead(dsg, () -> {
            long n = 0;
            List<Node> graphs = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(g -> {
                if (g.isURI() && g.getURI().startsWith(prefix)) graphs.add(g);
            });
            for (Node g : graphs) {
                var it = dsg.find(g, Node.ANY, Node.ANY, Node.ANY);
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
            }
            return n;
        });
    }

    /** The arguments a named query is benchmarked with: its required parameters from {@link #ARGUMENTS}, the first claim. */
    static Map<String, String> arguments(NamedQuery named) {
        Map<String, String> args = new LinkedHashMap<>();
        for (NamedQuery.Param p : named.params()) {
            if (!p.required()) continue;
            args.put(p.name(), p.name().equals("claim") ? "claim:g0000001-0001" : ARGUMENTS.getOrDefault(p.name(), "concept:magnesium"));
        }
        return args;
    }

    private List<QueryResult> queries(GraphSource source, HttpLatency http, long size) throws Exception {
        List<QueryResult> results = new ArrayList<>();
        QueryLibrary library = QueryLibrary.load(repository);
        for (NamedQuery named : library.all()) {
            Map<String, String> args = arguments(named);
            Query query = named.bind(args);
            log.accept(size + " claims: query " + named.name());
            String text = query.serialize();
            // A first run over HTTP warms the caches and finds the queries the server's timeout cuts off, which
            // are reported as such rather than run again and again in every mode.
            Percentiles first = http.measure(text, 1, 1, Duration.ZERO);
            if (!first.ok()) {
                String failure = first.failure();
                log.accept(size + " claims: query " + named.name() + " failed: " + failure);
                results.add(QueryResult.failed(named.name(), args.isEmpty() ? "" : args.toString(),
                        "HTTP 503".equals(failure) ? null : failure));
                continue;
            }
            InProcessRuns inProcess = inProcess(source, query);
            Percentiles one = http.measure(text, 1, settings.samples(), settings.budget());
            Percentiles eight = http.measure(text, 8, settings.samples(), settings.budget());
            results.add(new QueryResult(named.name(), args.isEmpty() ? "" : args.toString(), inProcess.rows(), inProcess.latency(), one, eight));
        }
        return results;
    }

    /** The in-process runs of a query: how many rows it gave and how long it took. */
    private record InProcessRuns(long rows, Percentiles latency) {}

    // The runs count the rows anyway, so no separate run is spent on counting them.
    private InProcessRuns inProcess(GraphSource source, Query query) {
        long rows = 0;
        List<Double> samples = new ArrayList<>();
        long deadline = System.nanoTime() + settings.budget().toNanos();
        for (int i = 0; i < settings.samples(); i++) {
            if (i > 0 && System.nanoTime() > deadline) break;
            long t0 = System.nanoTime();
            rows = count(source, query, null);
            samples.add((System.nanoTime() - t0) / 1e6);
        }
        return new InProcessRuns(rows, Percentiles.of(samples, 0));
    }

    /**
     * Runs a SELECT and counts its rows as they stream, giving up after {@code timeout} (null: never) and
     * returning -1.
     */
    static long count(GraphSource source, Query query, Duration timeout) {
        try {
            return source.stream(query, timeout, rows -> {
                long n = 0;
                while (rows.hasNext()) {
                    rows.next();
                    n++;
                }
                return n;
            });
        } catch (QueryCancelledException e) {
            return -1L;
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
