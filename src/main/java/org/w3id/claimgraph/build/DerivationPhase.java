package org.w3id.claimgraph.build;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.w3id.claimgraph.derive.Derivation;
import org.w3id.claimgraph.derive.DerivationException;
import org.w3id.claimgraph.project.BuildFailure;
import org.w3id.claimgraph.project.BuildProblem;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.project.SourceLines;

/**
 * The derivation as a build phase ({@link Derivation}: assertions, grades by ontology/grading.ttl,
 * contradictions, into the derived graph). A definition it cannot use, or data it cannot derive from, fails the
 * build; a problem at a claim names the claims file and the line where the claim is named.
 */
final class DerivationPhase implements BuildPhase {

    @Override
    public String name() {
        return "derive";
    }

    @Override
    public void run(DatasetGraph dataset, ProjectLayout layout) {
        run(dataset, layout, step -> {});
    }

    @Override
    public void run(DatasetGraph dataset, ProjectLayout layout, Consumer<String> progress) {
        try {
            Derivation.run(dataset, progress);
        } catch (DerivationException e) {
            throw new BuildFailure(List.of(problem(e, dataset, layout)));
        }
    }

    /** At the claim's line in its document's claims file; at ontology/ for a problem with a definition. */
    private static BuildProblem problem(DerivationException e, DatasetGraph dataset, ProjectLayout layout) {
        Path file = e.node() == null ? null : claimsFile(dataset, NodeFactory.createURI(e.node()), layout);
        if (file == null) return BuildProblem.inFile(layout.display(layout.ontologyDir()), e.getMessage());
        return SourceLines.locateClaim(BuildProblem.forNode(layout.display(file), e.node(), e.getMessage()), file, CG.shortId(e.node()));
    }

    /** The claims file of the document whose graph types {@code claim} as a claim; null when it is in no document's graph. */
    private static Path claimsFile(DatasetGraph dataset, Node claim, ProjectLayout layout) {
        return dataset.stream(Node.ANY, claim, RDF.type.asNode(), CG.Claim).map(Quad::getGraph).filter(Node::isURI)
                .map(Node::getURI).filter(g -> g.startsWith(GraphNames.DOCUMENT_PREFIX))
                .map(g -> layout.claimsDir().resolve(g.substring(GraphNames.DOCUMENT_PREFIX.length()) + ".ttl"))
                .findFirst().orElse(null);
    }
}
