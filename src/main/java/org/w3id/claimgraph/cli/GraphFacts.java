package org.w3id.claimgraph.cli;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.query.UnionDefaultGraph;

/** Single numbers about a built graph, read from the graph-summary query. */
final class GraphFacts {
    private GraphFacts() {}

    static long count(Dataset dataset, String column) {
        var query = QueryLibrary.load(ProjectLayout.locate()).get("graph-summary").parse();
        try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(UnionDefaultGraph.wrap(dataset.asDatasetGraph()))).query(query).build()) {
            QuerySolution row = qe.execSelect().next();
            return row.getLiteral(column).getLong();
        }
    }
}
