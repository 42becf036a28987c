package org.w3id.claimgraph.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.Prefixes;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.query.TextTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "stats",
        mixinStandardHelpOptions = true,
        description = "Print what the graph holds (the seed graph, built first, unless --tdb or --endpoint is given): totals, and claims per document, grade, mineral and relation.")
final class StatsCommand implements Callable<Integer> {
    /** The named queries (in queries/) whose results make up the report, in order. */
    static final List<String> SECTIONS = List.of(
            "graph-summary", "claims-per-document", "claims-per-grade", "claims-per-mineral", "claims-per-relation");

    @Mixin
    GraphSourceOptions source;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.locate();
        QueryLibrary library = QueryLibrary.load(layout);
        PrintStream out = System.out;
        try (GraphSource graph = source.open(layout, List.of())) {
            for (String name : SECTIONS) {
                NamedQuery query = library.get(name);
                out.println(query.title());
                out.println();
                Query parsed = query.parse();
                graph.stream(parsed, null, rows -> {
                    TextTable.of(ResultSet.adapt(rows), Prefixes.forQuery(parsed.getPrefixMapping())).print(out);
                    return null;
                });
                out.println();
            }
        }
        return ExitCode.OK;
    }
}
