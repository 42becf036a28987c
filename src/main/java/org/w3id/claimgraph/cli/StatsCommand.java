package org.w3id.claimgraph.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.query.TextTable;
import org.w3id.claimgraph.query.UnionDefaultGraph;

import picocli.CommandLine.Command;

@Command(name = "stats",
        mixinStandardHelpOptions = true,
        description = "Build the seed graph and print what it holds: totals, and claims per document, grade, mineral and relation.")
final class StatsCommand implements Callable<Integer> {
    /** The named queries (in queries/) whose results make up the report, in order. */
    static final List<String> SECTIONS = List.of(
            "graph-summary", "claims-per-document", "claims-per-grade", "claims-per-mineral", "claims-per-relation");

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.locate();
        Dataset dataset = GraphBuild.create().layout(layout).build();
        QueryLibrary library = QueryLibrary.load(layout);
        DatasetGraph view = UnionDefaultGraph.wrap(dataset.asDatasetGraph());
        PrintStream out = System.out;
        for (String name : SECTIONS) {
            NamedQuery query = library.get(name);
            out.println(query.title());
            out.println();
            try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(view)).query(query.parse()).build()) {
                TextTable.of(qe.execSelect(), dataset.getPrefixMapping()).print(out);
            }
            out.println();
        }
        return ExitCode.OK;
    }
}
