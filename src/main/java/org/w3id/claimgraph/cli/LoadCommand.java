package org.w3id.claimgraph.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.store.DatabaseLoad;
import org.w3id.claimgraph.store.TdbStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load",
        mixinStandardHelpOptions = true,
        description = {
                "Build and verify the graph exactly as check does, then write it into a TDB2 database for ./claimgraph serve --tdb DIR.",
                "Documents are built and checked one at a time into an N-Quads file, which TDB2's bulk loader writes into a new directory next to DIR;",
                "the derivation (grades, assertions, contradictions) then runs on that database;",
                "DIR is then switched to it with one rename: a failed, interrupted or killed load leaves DIR as it was, and the next load or serve removes what it left.",
                "A load refuses at once while a server has DIR open, and a server refuses while a load runs.",
                "On a terminal it shows its progress: phase, documents or quads so far, rate."
        })
final class LoadCommand implements Callable<Integer> {

    @Option(names = "--tdb", required = true, paramLabel = "DIR", description = "The database directory to create or replace (an existing one must be a claimgraph database).")
    Path tdb;

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
        TdbStore.Loader kind = switch (loader) {
            case "basic" -> TdbStore.Loader.BASIC;
            case "parallel" -> TdbStore.Loader.PARALLEL;
            default -> throw new InputException("--loader must be basic or parallel, not " + loader);
        };
        boolean showProgress = progress || System.console() != null;
        Consumer<String> lines = showProgress ? line -> System.err.println("claimgraph: " + line) : line -> {};
        DatabaseLoad.Result loaded = DatabaseLoad.of(layout).extraFiles(extraFiles).loader(kind).progress(lines).into(tdb);
        System.out.printf("loaded %d quads (%d claims, %d documents) into %s%n", loaded.quads(), loaded.claims(), loaded.documents(), tdb);
        return ExitCode.OK;
    }
}
