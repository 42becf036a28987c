package org.w3id.claimgraph.server;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.graph.GraphSource;

/** How much a dataset holds, for the startup banner: quads, named graphs, claims and documents. */
public record DatasetSummary(long triples, long graphs, long claims, long documents) {

    /** Counts claims and documents with the named query {@code graph-summary} (queries/graph-summary.rq). */
    public static DatasetSummary of(DatasetGraph dsg, QueryLibrary library) {
        var query = library.get("graph-summary").parse();
        return Txn.calculateRead(dsg, () -> {
            long triples = dsg.stream().count();
            long graphs = Iter.count(dsg.listGraphNodes());
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(GraphSource.unionView(dsg))).query(query).build()) {
                QuerySolution row = qe.execSelect().next();
                return new DatasetSummary(triples, graphs, row.getLiteral("claims").getLong(), row.getLiteral("documents").getLong());
            }
        });
    }
}
