package org.w3id.claimgraph.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.claimgraph.bench.Benchmark;
import org.w3id.claimgraph.bench.EngineComparison;
import org.w3id.claimgraph.bench.PageBench;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.store.TdbStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench",
        mixinStandardHelpOptions = true,
        subcommands = BenchMixCommand.class,
        description = {
                "Measure generate, build, load, validation and the named queries (in-process and over HTTP at 1 and 8 clients) at each corpus size,",
                "each beside its baseline (RIOT parse, one scan of the claim triples, in-process queries), then every explorer page in headless Chromium",
                "at 1 and 8 clients against serve --tdb (unless --no-pages), and write a Markdown table (rewritten after each size).",
                "Set the heap with CLAIMGRAPH_JAVA_OPTS, e.g. -Xmx12g.",
                "./claimgraph bench mix --tdb DIR runs a mixed load of many clients against a served database instead."
        })
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--claims", defaultValue = "1000,10000,100000,1000000", split = ",", paramLabel = "N[,N...]",
            description = "Corpus sizes in claims (default: ${DEFAULT-VALUE}).")
    List<Long> sizes = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", defaultValue = "target/bench", paramLabel = "DIR", description = "Scratch directory for corpora, N-Quads and databases (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--out", defaultValue = "BENCHMARKS.md", paramLabel = "FILE", description = "The report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--samples", defaultValue = "20", description = "Requests per query and client, and in-process runs per query (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--budget", defaultValue = "20s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Stop sampling a query in one mode after this long, once it has one sample (default: ${DEFAULT-VALUE}).")
    Duration budget;

    // Far longer than serve's 30 s: at eight clients on two cores the slowest aggregates take several minutes, and
    // a timeout would leave them without a figure rather than measure them.
    @Option(names = "--query-timeout", defaultValue = "30m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "The bench server's query timeout; a named query whose first run passes it is reported as timed out (default: ${DEFAULT-VALUE}).")
    Duration queryTimeout;

    @Option(names = "--rule-timeout", defaultValue = "300s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Stop a validation rule that runs longer and report it as timed out (default: ${DEFAULT-VALUE}).")
    Duration ruleTimeout;

    @Option(names = "--loader", defaultValue = "parallel", paramLabel = "basic|parallel", description = "TDB2 bulk loader (default: ${DEFAULT-VALUE}).")
    String loader;

    @Option(names = "--rules", paramLabel = "FILE", description = "Validation rules (default: ontology/rules.ttl of the repository).")
    Path rules;

    @Option(names = "--keep", description = "Keep the corpora, N-Quads and databases in the work directory.")
    boolean keep;

    @Option(names = "--no-pages", description = "Do not time the explorer's pages in a browser (they need Node.js, playwright-core and Chromium, which mvn verify installs).")
    boolean noPages;

    @Option(names = "--pages-samples", defaultValue = "20", paramLabel = "N",
            description = "Loads of each explorer page at one client, and at least as many at eight (each of the eight tabs makes N/8 rounds, rounded up) (default: ${DEFAULT-VALUE}).")
    int pagesSamples;

    @Option(names = "--page-timeout", defaultValue = "60s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "A page whose data has not arrived after this long counts as a failed load (default: ${DEFAULT-VALUE}).")
    Duration pageTimeout;

    @Option(names = "--server-jvm", defaultValue = "-Xmx4g", split = " ", paramLabel = "OPTION",
            description = "JVM options of the server the explorer pages are timed against (default: ${DEFAULT-VALUE}).")
    List<String> serverJvm = new ArrayList<>();

    @Option(names = "--baseline-jar", paramLabel = "JAR",
            description = "Also time the explorer pages served by another build on the same database: CHECKOUT/target/claimgraph.jar of another checkout (e.g. the previous commit's), which serves with CHECKOUT as its home.")
    Path baselineJar;

    @Option(names = "--endpoint", paramLabel = "URL", description = "With --engine virtuoso: the Virtuoso SPARQL endpoint to load into and measure beside TDB2 (its dataset is replaced).")
    URI endpoint;

    @Mixin
    VirtuosoLoadOptions virtuoso = new VirtuosoLoadOptions();

    @Override
    public Integer call() throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) throw new InputException("--claims needs sizes of at least 1");
        if (samples < 1) throw new InputException("--samples must be at least 1");
        if (pagesSamples < 1) throw new InputException("--pages-samples must be at least 1");
        if (pageTimeout.isNegative() || pageTimeout.isZero()) throw new InputException("--page-timeout must be positive");
        TdbStore.Loader kind = switch (loader) {
            case "basic" -> TdbStore.Loader.BASIC;
            case "parallel" -> TdbStore.Loader.PARALLEL;
            default -> throw new InputException("--loader must be basic or parallel, not " + loader);
        };
        if (virtuoso.engine() != null || endpoint != null) return compareEngines(layout, kind);
        Path rulesFile = rules != null ? rules : layout.ontologyDir().resolve("rules.ttl");
        String command = "./claimgraph bench --claims " + String.join(",", sizes.stream().map(String::valueOf).toList())
                + (samples != 20 ? " --samples " + samples : "") + (!budget.equals(Duration.ofSeconds(20)) ? " --budget " + budget.toSeconds() + "s" : "")
                + (!queryTimeout.equals(Duration.ofMinutes(30)) ? " --query-timeout " + queryTimeout.toSeconds() + "s" : "")
                + (!ruleTimeout.equals(Duration.ofSeconds(300)) ? " --rule-timeout " + ruleTimeout.toSeconds() + "s" : "")
                + (kind != TdbStore.Loader.PARALLEL ? " --loader " + loader : "") + (rules != null ? " --rules " + rules : "")
                + (noPages ? " --no-pages" : (pagesSamples != 20 ? " --pages-samples " + pagesSamples : "")
                        + (!pageTimeout.equals(Duration.ofSeconds(60)) ? " --page-timeout " + pageTimeout.toSeconds() + "s" : "")
                        + (!serverJvm.equals(List.of("-Xmx4g")) ? " --server-jvm=\"" + String.join(" ", serverJvm) + "\"" : "")
                        + (baselineJar != null ? " --baseline-jar " + baselineJar : ""));
        Benchmark.PageSettings pages = noPages ? null
                : new Benchmark.PageSettings(pagesSamples, PageBench.CLIENTS, pageTimeout, List.copyOf(serverJvm), Main.class.getName(), baselineJar);
        Benchmark.Settings settings = new Benchmark.Settings(List.copyOf(sizes), seed, work.toAbsolutePath(), out, samples, budget,
                kind, rulesFile, layout.home().resolve("bench/discussion.md"), command, keep, queryTimeout, ruleTimeout, pages);
        new Benchmark(layout, settings, line -> System.err.println(LocalTime.now().withNano(0) + " bench: " + line)).run();
        System.out.println("wrote " + out);
        return ExitCode.OK;
    }

    /** bench --engine virtuoso --endpoint URL: TDB2 and Virtuoso side by side, a section of its own in --out. */
    private int compareEngines(ProjectLayout layout, TdbStore.Loader kind) throws Exception {
        if (!"virtuoso".equals(virtuoso.engine()) || endpoint == null) {
            throw new InputException("bench compares TDB2 with an engine given as --engine virtuoso --endpoint URL (and the options of load --engine virtuoso)");
        }
        String command = "./claimgraph bench --engine virtuoso --endpoint URL --claims " + String.join(",", sizes.stream().map(String::valueOf).toList())
                + (samples != 20 ? " --samples " + samples : "") + (!budget.equals(Duration.ofSeconds(20)) ? " --budget " + budget.toSeconds() + "s" : "")
                + (!ruleTimeout.equals(Duration.ofSeconds(300)) ? " --rule-timeout " + ruleTimeout.toSeconds() + "s" : "")
                + (kind != TdbStore.Loader.PARALLEL ? " --loader " + loader : "") + " (and the Virtuoso options of load)";
        EngineComparison.Settings settings = new EngineComparison.Settings(List.copyOf(sizes), seed, work.toAbsolutePath(), out, samples, budget,
                kind, queryTimeout, ruleTimeout, virtuoso.settings(endpoint), command);
        new EngineComparison(layout, settings, line -> System.err.println(LocalTime.now().withNano(0) + " bench: " + line)).run();
        System.out.println("wrote " + out);
        return ExitCode.OK;
    }
}
