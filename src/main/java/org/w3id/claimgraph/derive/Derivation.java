package org.w3id.claimgraph.derive;

import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

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

    public static Result run(DatasetGraph dataset) {
        DerivedGraph graph = new DerivedGraph(dataset);
        graph.clear();
        Definitions definitions = graph.read(Definitions::read);
        for (Definitions.Named d : definitions.derivationsBefore()) graph.construct(d.query());
        Map<Node, Line> lines = new LineGrading(definitions, graph).rate();
        long claims = new ClaimGrading(definitions, graph).grade(lines);
        for (Definitions.Named d : definitions.derivationsAfter()) graph.construct(d.query());
        return new Result(graph.written(), claims, lines.size());
    }
}
