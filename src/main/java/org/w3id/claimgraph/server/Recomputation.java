package org.w3id.claimgraph.server;

import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What the server computes again in every checked write that passes its checks, after the derivation (the stored
 * findings and summaries, for example): the graphs it alone writes, which no client may write, and how it
 * replaces them on the data as the write leaves it.
 */
public record Recomputation(List<String> graphs, Consumer<DatasetGraph> compute) {
    public Recomputation {
        graphs = List.copyOf(graphs);
    }
}
