package org.w3id.claimgraph.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.query.Dataset;
import org.w3id.claimgraph.load.GraphBuild;
import org.w3id.claimgraph.load.ProjectLayout;
import org.w3id.claimgraph.store.TdbStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load",
        mixinStandardHelpOptions = true,
        description = {
                "Build and verify the graph exactly as check does, then write it into a TDB2 database for ./claimgraph serve --tdb DIR.",
                "The database is written into a new directory next to DIR and renamed into place when complete: a failed load leaves DIR as it was."
        })
final class LoadCommand implements Callable<Integer> {

    @Option(names = "--tdb", required = true, paramLabel = "DIR", description = "The database directory to create or replace (an existing one must be a claimgraph database).")
    Path tdb;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Extra RDF files to verify and load with the seeds.")
    List<Path> extraFiles = new ArrayList<>();

    @Override
    public Integer call() {
        GraphBuild build = GraphBuild.create().layout(ProjectLayout.locate());
        extraFiles.forEach(build::extraFile);
        Dataset dataset = build.build();
        long quads = TdbStore.write(dataset.asDatasetGraph(), tdb);
        System.out.printf("loaded %d quads (%d claims, %d documents) into %s%n",
                quads, GraphFacts.count(dataset, "claims"), GraphFacts.count(dataset, "documents"), tdb);
        return ExitCode.OK;
    }
}
