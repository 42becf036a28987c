package org.w3id.claimgraph.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.progress.MonitorOutput;
import org.w3id.claimgraph.build.BuildPhase;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * The load sequence: take the database's lock; build and verify the project as {@code check} does, one document at
 * a time into an N-Quads file next to the database; bulk-load that file into a fresh TDB2 directory; count the
 * quads back; run the build phases there; mark the directory as a claimgraph database and switch to it. With extra files
 * the graph is built in memory (they are verified against all of it) and copied into the fresh directory. A
 * failure at any step leaves the old database as it was.
 *
 * <pre>
 * DatabaseLoad.Result r = DatabaseLoad.of(layout).loader(TdbStore.Loader.PARALLEL).progress(System.err::println).into(dir);
 * </pre>
 */
public final class DatabaseLoad {
    /** What the new database holds. */
    public record Result(long quads, long claims, long documents) {}

    private final ProjectLayout layout;
    private final List<Path> extraFiles = new ArrayList<>();
    private TdbStore.Loader loader = TdbStore.Loader.PARALLEL;
    private Consumer<String> progress = line -> {};
    private List<BuildPhase> phases = BuildPhase.STANDARD;

    private DatabaseLoad(ProjectLayout layout) {
        this.layout = layout;
    }

    public static DatabaseLoad of(ProjectLayout layout) {
        return new DatabaseLoad(layout);
    }

    public DatabaseLoad extraFiles(List<Path> files) {
        extraFiles.addAll(files);
        return this;
    }

    public DatabaseLoad loader(TdbStore.Loader kind) {
        this.loader = kind;
        return this;
    }

    /** Progress lines: the build's documents and claims, then the loader's phases and rates. */
    public DatabaseLoad progress(Consumer<String> lines) {
        this.progress = lines;
        return this;
    }

    public DatabaseLoad phases(List<BuildPhase> buildPhases) {
        this.phases = List.copyOf(buildPhases);
        return this;
    }

    /** Builds, loads and swaps the new database into {@code dir}. */
    public Result into(Path dir) {
        // The database's lock is taken first, so that a load refuses at once while a server has the database.
        try (TdbStore.Replacement replacement = TdbStore.replace(dir)) {
            if (!extraFiles.isEmpty()) return inMemory(replacement);
            progress.accept("build: reading and checking " + layout.seedsDir());
            GraphBuild.Result built = GraphBuild.create().layout(layout).progress(progress).writeNQuads(replacement.buildFile());
            progress.accept(String.format("build: %,d quads, %,d claims, %,d documents; loading with the %s loader",
                    built.quads(), built.claims(), built.documents(), loader.name().toLowerCase(java.util.Locale.ROOT)));
            MonitorOutput output = (fmt, args) -> progress.accept("load: " + String.format(fmt, args));
            long quads = replacement.write(built.file(), built.prefixes(), built.quads(), loader, output,
                    phases.isEmpty() ? null : tdb -> BuildPhase.runEach(phases, tdb, layout, progress));
            return new Result(quads, built.claims(), built.documents());
        }
    }

    private Result inMemory(TdbStore.Replacement replacement) {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        GraphBuild.Result built = GraphBuild.create().layout(layout).extraFiles(extraFiles).phases(phases).progress(progress)
                .buildInto(dataset);
        long quads = replacement.write(dataset);
        return new Result(quads, built.claims(), built.documents());
    }
}
