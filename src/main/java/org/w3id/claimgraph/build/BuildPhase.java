package org.w3id.claimgraph.build;

import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.search.TextIndexes;
import org.w3id.claimgraph.summary.Summaries;

/**
 * A step that runs on a dataset once it is built and verified, and adds to it what is computed from the
 * curated data (a derived named graph, for example). It runs in one place for each way a dataset is made: on
 * the in-memory dataset at the end of {@link GraphBuild#build()}, and on the fresh TDB2 directory that
 * {@code store.DatabaseLoad} bulk-loads, before that directory replaces the old one. Either way it runs inside a
 * write transaction on the dataset's named graphs (all phases in one in memory, {@link #runAll}; one each on the
 * fresh directory, {@link #runEach}); a phase that fails leaves nothing behind that anyone sees.
 */
public interface BuildPhase {

    /** The phases every build runs, in order. A new phase is added here, and nowhere else. */
    List<BuildPhase> STANDARD = List.of(
            new DerivationPhase(),
            new NamedPhase("findings", Summaries::addFindings),
            new NamedPhase("summaries", Summaries::addSummaries),
            new NamedPhase("totals", Summaries::addTotals),
            new NamedPhase("text index", TextIndexes::build));

    /** A short name for progress lines and messages. */
    String name();

    /** Adds what the phase computes to {@code dataset} (its named graphs as built, inside a write transaction). */
    void run(DatasetGraph dataset, ProjectLayout layout);

    /** As {@link #run(DatasetGraph, ProjectLayout)}, telling {@code progress} the phase's own steps, if it has any to tell. */
    default void run(DatasetGraph dataset, ProjectLayout layout, Consumer<String> progress) {
        run(dataset, layout);
    }

    /** Runs the phases in order in one write transaction (the caller's, if it holds one), reporting each and its time. */
    static void runAll(List<BuildPhase> phases, DatasetGraph dataset, ProjectLayout layout, Consumer<String> progress) {
        Txn.executeWrite(dataset, () -> phases.forEach(phase -> run(phase, dataset, layout, progress)));
    }

    /**
     * Runs the phases in order, each in a write transaction of its own that commits before the next one starts, so
     * that each reads committed data rather than a pending write (TDB2 reads a large pending write much more slowly).
     * Only for a dataset that nobody else sees until every phase is done, and that is thrown away if one fails: the
     * fresh directory of a load. The caller holds no transaction.
     */
    static void runEach(List<BuildPhase> phases, DatasetGraph dataset, ProjectLayout layout, Consumer<String> progress) {
        phases.forEach(phase -> Txn.executeWrite(dataset, () -> run(phase, dataset, layout, progress)));
    }

    private static void run(BuildPhase phase, DatasetGraph dataset, ProjectLayout layout, Consumer<String> progress) {
        progress.accept("phase: " + phase.name());
        long started = System.nanoTime();
        phase.run(dataset, layout, progress);
        progress.accept(String.format("phase: %s done in %.1f s", phase.name(), (System.nanoTime() - started) / 1e9));
    }
}
