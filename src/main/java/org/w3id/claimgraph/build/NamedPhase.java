package org.w3id.claimgraph.build;

import java.util.function.BiConsumer;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.claimgraph.project.ProjectLayout;

/** A build phase that is one call of another package (the summaries, the text index), with its name. */
record NamedPhase(String name, BiConsumer<DatasetGraph, ProjectLayout> action) implements BuildPhase {

    @Override
    public void run(DatasetGraph dataset, ProjectLayout layout) {
        action.accept(dataset, layout);
    }
}
