package org.w3id.claimgraph.server;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.QueryLibrary;

/** How much a dataset holds, for the startup banner: quads, named graphs, claims and documents. */
public record DatasetSummary(long triples, long graphs, long claims, long documents) {

    /** Counts claims and documents with the named query {@code graph-summary} (queries/graph-summary.rq). */
    public static DatasetSummary of(DatasetGraph dsg, QueryLibrary library) {
        long[] sizes = Txn.calculateRead(dsg, () -> new long[] {dsg.stream().count(), Iter.count(dsg.listGraphNodes())});
        return GraphSource.of(dsg, "served dataset").stream(library.get("graph-summary").parse(), null, rows -> {
            var row = rows.next();
            return new DatasetSummary(sizes[0], sizes[1], count(row.get(Var.alloc("claims"))), count(row.get(Var.alloc("documents"))));
        });
    }

    private static long count(org.apache.jena.graph.Node n) {
        return ((Number) n.getLiteralValue()).longValue();
    }
}
