package org.w3id.claimgraph.server;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.w3id.claimgraph.graph.DatasetCounts;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.NamedQuery;
import org.w3id.claimgraph.query.QueryLibrary;

/**
 * How much a dataset holds, counted once when the server starts, for its banner and its VoID description: quads,
 * named graphs (-1: not known), claims, documents, and the vocabularies it uses (the namespaces of its properties
 * and classes).
 */
public record DatasetSummary(long triples, long graphs, long claims, long documents, Set<String> vocabularies) {

    public DatasetSummary {
        vocabularies = Set.copyOf(new TreeSet<>(vocabularies));
    }

    /**
     * Counts quads and collects the vocabularies in one pass over the dataset ({@link DatasetCounts}), and claims and
     * documents with the named query {@code graph-summary} (queries/graph-summary.rq).
     */
    public static DatasetSummary of(DatasetGraph dsg, QueryLibrary library) {
        return of(DatasetCounts.of(dsg), dsg, library);
    }

    /**
     * As {@link #of(DatasetGraph, QueryLibrary)} with quads, graphs and vocabularies counted before (by the load that
     * wrote a TDB2 database): only claims and documents are asked of the dataset, from the build's totals.
     */
    public static DatasetSummary of(DatasetCounts counts, DatasetGraph dsg, QueryLibrary library) {
        return GraphSource.of(dsg, "served dataset").stream(library.get("graph-summary").parse(), null, rows -> {
            var row = rows.next();
            return new DatasetSummary(counts.quads(), counts.graphs(), count(row.get(Var.alloc("claims"))),
                    count(row.get(Var.alloc("documents"))), counts.vocabularies());
        });
    }

    /**
     * For a SPARQL endpoint: its default graph's triples and the vocabularies of its properties and classes
     * ({@code queries/server/endpoint-summary.rq}; named graphs not known: -1), claims and documents as above.
     */
    public static DatasetSummary of(GraphSource source, Path serverQueries, QueryLibrary library) {
        Query sizeQuery = NamedQuery.read(serverQueries.resolve("endpoint-summary.rq")).parse();
        Set<String> vocabularies = new TreeSet<>();
        long triples = source.stream(sizeQuery, null, rows -> {
            long n = 0;
            while (rows.hasNext()) {
                var row = rows.next();
                n = count(row.get(Var.alloc("triples")));
                Node term = row.get(Var.alloc("term"));
                if (term != null && term.isURI()) vocabularies.add(term.getNameSpace());
            }
            return n;
        });
        vocabularies.removeIf(String::isEmpty);
        return source.stream(library.get("graph-summary").parse(), null, rows -> {
            var row = rows.next();
            return new DatasetSummary(triples, -1, count(row.get(Var.alloc("claims"))), count(row.get(Var.alloc("documents"))),
                    vocabularies);
        });
    }

    private static long count(Node n) {
        return ((Number) n.getLiteralValue()).longValue();
    }
}
