package org.w3id.claimgraph.cli;

import java.nio.file.Path;
import java.util.List;

import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.validate.Engine;
import org.w3id.claimgraph.validate.ValidationSource;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where validate and explain read the graph: the seeds (default), a TDB2 database or a SPARQL endpoint. */
final class GraphSourceOptions {

    enum EngineChoice { auto, shacl, sparql }

    static final class Store {
        @Option(names = "--tdb", paramLabel = "DIR", description = "Read a TDB2 database holding the dataset's named graphs instead of building the seed graph.")
        Path tdb;

        @Option(names = "--endpoint", paramLabel = "URL", description = "Query a SPARQL 1.1 endpoint whose default graph is the union of the claim graph's named graphs; the rules run as SPARQL queries.")
        String endpoint;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Store store;

    @Option(names = "--engine", defaultValue = "auto", paramLabel = "ENGINE",
            description = "How the rules run: shacl (Jena SHACL, one query per claim and rule), sparql (one query per rule over all claims) or auto (shacl for the seed graph, sparql for a TDB2 database or an endpoint; default).")
    EngineChoice engine;

    ValidationSource open(ProjectLayout layout, List<Path> extraFiles) {
        if (store != null && !extraFiles.isEmpty()) {
            throw new InputException("extra files are validated together with the seed graph; they cannot be combined with --tdb or --endpoint");
        }
        if (store == null) return ValidationSource.seeds(layout, extraFiles);
        ValidationSource source = store.tdb != null ? ValidationSource.tdb(store.tdb) : ValidationSource.endpoint(store.endpoint);
        return source.requireVocabularies(layout);
    }

    Engine engine(ValidationSource source) {
        return switch (engine) {
            case shacl -> {
                if (source.dataset().isEmpty()) throw new InputException("--engine shacl needs a local graph; an endpoint is validated with SPARQL queries (--engine sparql)");
                yield Engine.SHACL;
            }
            case sparql -> Engine.SPARQL;
            // A query per claim and rule is fine for the seeds but takes hours on a store of a million claims.
            case auto -> store == null ? Engine.SHACL : Engine.SPARQL;
        };
    }
}
