package org.w3id.claimgraph.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.validate.ClaimExplainer;
import org.w3id.claimgraph.validate.ClaimLocator;
import org.w3id.claimgraph.validate.Explanation;
import org.w3id.claimgraph.validate.ExplanationTextWriter;
import org.w3id.claimgraph.validate.Validator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "explain",
        mixinStandardHelpOptions = true,
        description = {
                "Explain one claim: what it says, its quote and document, its grade and how it was derived step by step, its literature reviews, its evidence with references and what each line counts for, and the result of every validation rule for it.",
                "CLAIM is an IRI, a prefixed name (claim:002-003) or a short id (002-003)."
        })
final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CLAIM", description = "The claim: an IRI, claim:002-003 or 002-003.")
    String claim;

    @Parameters(index = "1..*", paramLabel = "FILE", arity = "0..*", description = "Extra RDF files to build into the seed graph first.")
    List<Path> extraFiles = new ArrayList<>();

    @Mixin
    GraphSourceOptions source;

    @Mixin
    EngineOption engine;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.locate();
        String iri = ClaimExplainer.resolve(claim);
        Validator validator = Validator.load(layout);
        try (GraphSource graph = source.open(layout, extraFiles)) {
            if (source.isStore()) validator.requireVocabularies(graph);
            Explanation explanation = new ClaimExplainer(layout, validator).explain(graph, engine.kind(graph, source.isStore()), iri);
            new ExplanationTextWriter(new ClaimLocator(layout)).write(explanation, System.out);
        }
        System.out.flush();
        return ExitCode.OK;
    }
}
