package org.w3id.claimgraph.graph;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;

/**
 * How much a dataset holds, as its VoID description and the server's banner give it: quads, named graphs, and the
 * vocabularies it uses (the namespaces of its properties and of the classes its rdf:type statements name). One pass
 * over every quad; {@code load} counts them so when it writes a database, and {@code serve} reads them from there.
 */
public record DatasetCounts(long quads, long graphs, Set<String> vocabularies) {

    public DatasetCounts {
        vocabularies = Set.copyOf(vocabularies);
    }

    /** Counts {@code dsg} in one read transaction. */
    public static DatasetCounts of(DatasetGraph dsg) {
        return of(dsg, n -> {});
    }

    /**
     * As {@link #of(DatasetGraph)}, telling {@code eachQuad} the running count after each quad (the crash tests
     * stop a load there).
     */
    public static DatasetCounts of(DatasetGraph dsg, LongConsumer eachQuad) {
        return Txn.calculateRead(dsg, () -> {
            Set<Node> seen = new HashSet<>();
            Set<Node> graphs = new HashSet<>();
            Set<String> vocabularies = new TreeSet<>();
            Node type = RDF.type.asNode();
            long quads = 0;
            Node lastGraph = null;
            for (Iterator<Quad> it = dsg.find(); it.hasNext(); ) {
                Quad quad = it.next();
                eachQuad.accept(++quads);
                Node g = quad.getGraph();
                // Quads come graph by graph from a TDB2 dataset, so the set is consulted once per graph there.
                if (!g.equals(lastGraph)) {
                    lastGraph = g;
                    if (!Quad.isDefaultGraph(g)) graphs.add(g);
                }
                Node p = quad.getPredicate();
                if (seen.add(p)) vocabularies.add(p.getNameSpace());
                if (p.equals(type) && quad.getObject().isURI() && seen.add(quad.getObject())) {
                    vocabularies.add(quad.getObject().getNameSpace());
                }
            }
            vocabularies.removeIf(String::isEmpty);
            return new DatasetCounts(quads, graphs.size(), vocabularies);
        });
    }
}
