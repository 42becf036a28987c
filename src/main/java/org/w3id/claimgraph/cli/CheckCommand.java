package org.w3id.claimgraph.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.query.Dataset;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.query.QueryLibrary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
                "Build the graph from ontology/ and seeds/ and verify it: every file parses strictly, every quote is found exactly once in its document, every checksum matches and every SHACL shape holds.",
                "Extra RDF files (Turtle, TriG, N-Triples, N-Quads) are verified together with the seeds."
        })
final class CheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Extra RDF files to verify with the seeds.")
    List<Path> extraFiles = new ArrayList<>();

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.locate();
        Dataset dataset = GraphBuild.create().layout(layout).extraFiles(extraFiles).build();
        long claimGraphs = dataset.asDatasetGraph().stream()
                .map(q -> q.getGraph().getURI()).filter(g -> g.startsWith(GraphNames.DOCUMENT_PREFIX)).distinct().count();
        long claims = GraphFacts.count(GraphSource.of(dataset.asDatasetGraph(), "seed graph"), QueryLibrary.load(layout), "claims");
        System.out.printf("ok: %d claims from %d documents, %d quads verified%n",
                claims, claimGraphs, dataset.asDatasetGraph().stream().count());
        return ExitCode.OK;
    }
}
