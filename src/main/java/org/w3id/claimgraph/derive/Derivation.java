package org.w3id.claimgraph.derive;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.w3id.claimgraph.graph.GraphSource;

/**
 * Derives the graph {@link org.w3id.claimgraph.project.GraphNames#DERIVED} of a built dataset, replacing
 * what was there: the CONSTRUCT derivations of ontology/derivation.ttl ranked before grading (assertions,
 * no-evidence-found lines), the grades of ontology/grading.ttl, then the derivations ranked after it
 * (contradictions). Deterministic: the same data give the same derived graph. Every definition is read
 * from the dataset itself, so a dataset without the ontology graph fails with a {@link DerivationException}.
 *
 * <pre>
 * Derivation.Result result = Derivation.run(dataset);
 * </pre>
 */
public final class Derivation {
    private Derivation() {}

    /** What a run derived. */
    public record Result(long triples, long claims, long lines) {}

    /**
     * Whether changing {@code quads} can change what the derivation derives from {@code dataset}: a change in the
     * ontology graph, or one of a predicate the derivation reads ({@link Inputs}). Reads only the definitions.
     */
    public static boolean affectedBy(DatasetGraph dataset, Collection<Quad> quads) {
        return new Inputs(definitions(dataset)).affectedBy(quads);
    }

    /**
     * Replaces the derived graph of {@code dataset}: on the dataset itself when it is a TDB2 database that holds no
     * findings or summaries yet (as in a load, before the later build phases), otherwise on an in-memory copy of what
     * the derivation reads ({@link Inputs}), published in one write. On a TDB2 dataset it runs in one write transaction
     * (the caller's, if it holds one).
     */
    public static Result run(DatasetGraph dataset) {
        return run(dataset, step -> {});
    }

    /**
     * As {@link #run(DatasetGraph)}, telling {@code progress} each step and its time (each derivation by the local
     * name of its IRI, the line and claim grading, the publication of the derived graph).
     */
    public static Result run(DatasetGraph dataset, Consumer<String> progress) {
        Definitions definitions = definitions(dataset);
        Inputs inputs = new Inputs(definitions);
        Supplier<Result> derivation = () -> derive(definitions,
                timed(progress, "reading what it derives from", () -> DerivedGraph.of(dataset, inputs::reads)), dataset, progress);
        return DatabaseMgr.isTDB2(dataset) ? Txn.calculateWrite(dataset, derivation::get) : derivation.get();
    }

    private static Result derive(Definitions definitions, DerivedGraph graph, DatasetGraph dataset, Consumer<String> progress) {
        for (Definitions.Named d : definitions.derivationsBefore()) timed(progress, name(d), () -> { graph.construct(d.query()); return d; });
        Map<Node, Line> lines = timed(progress, "line grades", () -> new LineGrading(definitions, graph).rate());
        long claims = timed(progress, "claim grades", () -> new ClaimGrading(definitions, graph).grade(lines));
        for (Definitions.Named d : definitions.derivationsAfter()) timed(progress, name(d), () -> { graph.construct(d.query()); return d; });
        timed(progress, "publishing the derived graph", () -> { graph.publish(dataset); return graph; });
        return new Result(graph.written(), claims, lines.size());
    }

    private static String name(Definitions.Named d) {
        return d.iri().isURI() ? d.iri().getLocalName() : d.iri().toString();
    }

    private static <T> T timed(Consumer<String> progress, String step, Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        progress.accept(String.format(Locale.ROOT, "derive: %s in %.1f s", step, (System.nanoTime() - started) / 1e9));
        return result;
    }

    private static Definitions definitions(DatasetGraph dataset) {
        return Txn.calculateRead(dataset, () -> Definitions.read(GraphSource.dataGraph(dataset)));
    }
}
