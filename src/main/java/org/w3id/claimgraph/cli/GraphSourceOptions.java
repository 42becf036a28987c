package org.w3id.claimgraph.cli;

import java.nio.file.Path;
import java.util.List;

import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where a command reads the graph: the seed graph built and verified in memory (the default), a TDB2 database
 * ({@code --tdb DIR}) or a SPARQL endpoint ({@code --endpoint URL}). The same options on every command that
 * reads the graph.
 */
final class GraphSourceOptions {

    static final class Store {
        @Option(names = "--tdb", paramLabel = "DIR", description = "Read a TDB2 database holding the dataset's named graphs (as ./claimgraph load --tdb DIR writes it) instead of building the seed graph.")
        Path tdb;

        @Option(names = "--endpoint", paramLabel = "URL", description = "Read a SPARQL 1.1 endpoint whose default graph is the union of the dataset's named graphs, e.g. http://localhost:3030/kg/sparql.")
        String endpoint;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Store store;

    /** Whether the graph is a store (a TDB2 database or an endpoint) rather than the seed graph. */
    boolean isStore() {
        return store != null;
    }

    /**
     * The TDB2 database directory a command that needs the data in this process (a server) works on, or null for
     * the seed graph; an input error naming {@code command} for an endpoint, whose graph is served already.
     */
    Path localDatabase(String command) {
        if (store == null) return null;
        if (store.endpoint != null) {
            throw new InputException(command + " needs the graph in this process (--tdb DIR, or the seed graph without either option); "
                    + store.endpoint + " is a SPARQL endpoint, which serves its graph already");
        }
        return store.tdb;
    }

    /** The SPARQL endpoint given, or null. */
    String endpoint() {
        return store == null ? null : store.endpoint;
    }

    /** The seed graph (built with the extra files) unless a store was given. */
    GraphSource open(ProjectLayout layout, List<Path> extraFiles) {
        if (store != null && !extraFiles.isEmpty()) {
            throw new InputException("extra files are verified together with the seed graph; they cannot be combined with --tdb or --endpoint");
        }
        if (store == null) return seeds(layout, extraFiles);
        return store.tdb != null ? GraphSource.tdb2(store.tdb) : GraphSource.endpoint(store.endpoint);
    }

    /** The verified seed graph of the project in memory, with extra RDF files verified together with it. */
    static GraphSource seeds(ProjectLayout layout, List<Path> extraFiles) {
        var dataset = GraphBuild.create().layout(layout).extraFiles(extraFiles).build().asDatasetGraph();
        return GraphSource.of(dataset, extraFiles.isEmpty() ? "seed graph" : "seed graph with " + extraFiles.size() + " extra file(s)");
    }
}
