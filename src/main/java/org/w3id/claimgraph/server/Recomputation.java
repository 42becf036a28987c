package org.w3id.claimgraph.server;

import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What the server computes again in every checked write that passes its checks, after the derivation (the stored
 * findings and summaries, for example): the graphs it alone writes, which no client may write, and how it
 * replaces them on the data as the write leaves it ({@code compute}, part of the write); then what follows once
 * the write is committed ({@code afterCommit}, given the dataset as committed: the search indexes built again).
 */
public record Recomputation(List<String> graphs, Consumer<DatasetGraph> compute, Consumer<DatasetGraph> afterCommit) {
    public Recomputation {
        graphs = List.copyOf(graphs);
    }

    /** A recomputation with nothing to do after the commit. */
    public Recomputation(List<String> graphs, Consumer<DatasetGraph> compute) {
        this(graphs, compute, dsg -> {});
    }
}
