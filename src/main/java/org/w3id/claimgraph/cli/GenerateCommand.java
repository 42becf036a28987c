package org.w3id.claimgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.generate.CorpusGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {
                "Write a deterministic synthetic corpus in the curation format of seeds/, as a project home with its own ontology/, queries/ and seeds/.",
                "Build, check or load it with --home DIR. The same --claims and --seed always give identical files."
        })
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--claims", required = true, paramLabel = "N", description = "How many claims to generate.")
    long claims;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new (or empty) directory to write the corpus into.")
    Path out;

    @Override
    public Integer call() {
        CorpusGenerator.Corpus corpus = new CorpusGenerator(ProjectLayout.locate(), claims, seed).writeTo(out);
        System.out.printf("generated %d claims in %d documents (%d generated references) in %s%n",
                corpus.claims(), corpus.documents(), corpus.references(), out);
        return ExitCode.OK;
    }
}
