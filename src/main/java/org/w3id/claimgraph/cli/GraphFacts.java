package org.w3id.claimgraph.cli;

import org.apache.jena.sparql.core.Var;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.QueryLibrary;

/** Single numbers about a graph, read from the named query graph-summary. */
final class GraphFacts {
    private GraphFacts() {}

    static long count(GraphSource graph, QueryLibrary library, String column) {
        return graph.stream(library.get("graph-summary").parse(), null,
                rows -> ((Number) rows.next().get(Var.alloc(column)).getLiteralValue()).longValue());
    }
}
