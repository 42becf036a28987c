package org.w3id.claimgraph.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.store.DatabaseLoad;
import org.w3id.claimgraph.store.TdbStore;
import org.w3id.claimgraph.virtuoso.VirtuosoLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load",
        mixinStandardHelpOptions = true,
        description = {
                "Build and verify the graph exactly as check does, then write it into a TDB2 database for ./claimgraph serve --tdb DIR,",
                "or into an existing SPARQL engine (--endpoint URL --engine virtuoso).",
                "Documents are built and checked one at a time into an N-Quads file, which TDB2's bulk loader writes into a new directory next to DIR;",
                "the derivation (grades, assertions, contradictions) then runs on that database;",
                "DIR is then switched to it with one rename: a failed, interrupted or killed load leaves DIR as it was, and the next load or serve removes what it left.",
                "A load refuses at once while a server has DIR open, and a server refuses while a load runs.",
                "Into Virtuoso, its bulk loader writes a new graph, which becomes the endpoint's default graph only once complete and counted.",
                "On a terminal it shows its progress: phase, documents or quads so far, rate."
        })
final class LoadCommand implements Callable<Integer> {

    @Option(names = "--tdb", paramLabel = "DIR", description = "The database directory to create or replace (an existing one must be a claimgraph database).")
    Path tdb;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Load into the SPARQL engine behind this query endpoint (with --engine), which then serves the graph there as its default graph.")
    URI endpoint;

    @Mixin
    VirtuosoLoadOptions virtuoso = new VirtuosoLoadOptions();

    @Option(names = "--home", paramLabel = "DIR", description = "Read ontology/ and seeds/ from DIR (e.g. a corpus made by ./claimgraph generate) instead of the repository.")
    Path home;

    @Option(names = "--loader", defaultValue = "parallel", paramLabel = "basic|parallel",
            description = "TDB2 bulk loader (default: ${DEFAULT-VALUE}); either is crash-safe here, since it writes a fresh directory.")
    String loader;

    @Option(names = "--progress", description = "Print progress lines even when not on a terminal.")
    boolean progress;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Extra RDF files to verify and load with the seeds (the graph is then built in memory).")
    List<Path> extraFiles = new ArrayList<>();

    @Override
    public Integer call() {
        ProjectLayout layout = home == null ? ProjectLayout.locate() : new ProjectLayout(home.toAbsolutePath().normalize());
        if ((tdb == null) == (endpoint == null)) throw new InputException("load needs one of --tdb DIR and --endpoint URL");
        if (endpoint != null) return loadIntoEngine(layout);
        if (virtuoso.engine() != null) throw new InputException("--engine names the engine behind --endpoint; a TDB2 load takes none");
        TdbStore.Loader kind = switch (loader) {
            case "basic" -> TdbStore.Loader.BASIC;
            case "parallel" -> TdbStore.Loader.PARALLEL;
            default -> throw new InputException("--loader must be basic or parallel, not " + loader);
        };
        Consumer<String> lines = progressLines();
        DatabaseLoad.Result loaded = DatabaseLoad.of(layout).extraFiles(extraFiles).loader(kind).progress(lines).into(tdb);
        System.out.printf("loaded %d quads (%d claims, %d documents) into %s%n", loaded.quads(), loaded.claims(), loaded.documents(), tdb);
        return ExitCode.OK;
    }

    private boolean showProgress() {
        return progress || System.console() != null;
    }

    private Consumer<String> progressLines() {
        return showProgress() ? line -> System.err.println("claimgraph: " + line) : line -> {};
    }

    private int loadIntoEngine(ProjectLayout layout) {
        if (!"virtuoso".equals(virtuoso.engine())) {
            throw new InputException(virtuoso.engine() == null
                    ? "--endpoint needs --engine: claimgraph loads with the engine's own bulk loader, and can do so for: virtuoso"
                    : "no loader for engine " + virtuoso.engine() + "; claimgraph can load into: virtuoso");
        }
        if (!extraFiles.isEmpty()) throw new InputException("extra files are loaded into a TDB2 database only (--tdb DIR)");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
            throw new InputException("--endpoint " + endpoint + ": not an http(s) URL");
        }
        Consumer<String> lines = progressLines();
        VirtuosoLoader loader = new VirtuosoLoader(virtuoso.settings(endpoint), lines);
        lines.accept("build: reading and checking " + layout.seedsDir());
        VirtuosoLoader.Result r = loader.load(file -> GraphBuild.create().layout(layout).progress(lines).writeNQuadsAfterPhases(file));
        System.out.printf("loaded %d triples (%d claims, %d documents) into <%s>, the default graph of %s%s%n",
                r.triples(), r.claims(), r.documents(), r.graph(), endpoint,
                r.replaced() == null ? "" : " (replacing <" + r.replaced() + ">)");
        return ExitCode.OK;
    }
}
