package org.w3id.claimgraph.build;

import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.search.TextIndexes;
import org.w3id.claimgraph.summary.Summaries;

/**
 * A step that runs on a dataset once it is built and verified, and adds to it what is computed from the curated
 * data (a derived named graph, for example). It runs in one place for each way a dataset is made: on the in-memory
 * dataset at the end of {@link GraphBuild#build()}, and on the fresh TDB2 directory that {@code store.DatabaseLoad}
 * bulk-loads, before that directory replaces the old one. A phase reads the dataset (inside a read transaction, as
 * the phases before it left it) and sends the quads it adds to a sink; they are added before the next phase runs,
 * to a TDB2 directory by its bulk loader (a write transaction of millions of quads would be far slower). A phase
 * that fails leaves nothing behind.
 */
public interface BuildPhase {

    /** The phases every build runs, in order. A new phase is added here, and nowhere else. */
    List<BuildPhase> STANDARD = List.of(
            of("findings", Summaries::findings),
            of("summaries", Summaries::summaries),
            of("totals", Summaries::totals),
            of("text index", (dataset, layout, out) -> TextIndexes.build(dataset, layout)));

    /** A short name for progress lines and messages. */
    String name();

    /** Reads {@code dataset} (its named graphs as built, inside a read transaction) and sends what it adds to {@code out}. */
    void run(DatasetGraph dataset, ProjectLayout layout, StreamRDF out);

    /** What a phase does, for {@link #of}. */
    @FunctionalInterface
    interface Action {
        void run(DatasetGraph dataset, ProjectLayout layout, StreamRDF out);
    }

    /** A phase from its name and what it does. */
    static BuildPhase of(String name, Action action) {
        return new BuildPhase() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(DatasetGraph dataset, ProjectLayout layout, StreamRDF out) {
                action.run(dataset, layout, out);
            }
        };
    }

    /** Where the quads of one phase go to be added to the dataset, before the next phase runs. */
    @FunctionalInterface
    interface Store {
        /** Runs {@code phase}, which sends its quads to the stream it is given, and adds them to the dataset. */
        void add(Consumer<StreamRDF> phase);
    }

    /** Runs the phases in order on {@code dataset}, reporting each; {@code store} adds what each sends. */
    static void runAll(List<BuildPhase> phases, DatasetGraph dataset, ProjectLayout layout, Consumer<String> progress, Store store) {
        for (BuildPhase phase : phases) {
            progress.accept("phase: " + phase.name());
            store.add(out -> Txn.executeRead(dataset, () -> phase.run(dataset, layout, out)));
        }
    }

    /**
     * Runs the phases on a dataset in memory, inside the caller's write transaction: each phase's quads are
     * collected, then added.
     */
    static void runInMemory(List<BuildPhase> phases, DatasetGraph dataset, ProjectLayout layout, Consumer<String> progress) {
        runAll(phases, dataset, layout, progress, phase -> {
            DatasetGraph added = DatasetGraphFactory.create();
            phase.accept(org.apache.jena.riot.system.StreamRDFLib.dataset(added));
            added.find().forEachRemaining((Quad q) -> dataset.add(q));
        });
    }
}
