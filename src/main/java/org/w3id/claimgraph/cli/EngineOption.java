package org.w3id.claimgraph.cli;

import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.validate.RuleEngine;

import picocli.CommandLine.Option;

/** How validate and explain run the rules: {@code --engine shacl|sparql|auto}. */
final class EngineOption {

    enum Choice { auto, shacl, sparql }

    @Option(names = "--engine", defaultValue = "auto", paramLabel = "ENGINE",
            description = "How the rules run: shacl (Jena SHACL, one query per claim and rule), sparql (one query per rule over all claims) or auto (shacl for the seed graph, sparql for a TDB2 database or an endpoint; default).")
    Choice engine;

    RuleEngine.Kind kind(GraphSource source, boolean store) {
        return switch (engine) {
            case shacl -> {
                if (source.dataset().isEmpty()) throw new InputException("--engine shacl needs a local graph; an endpoint is validated with SPARQL queries (--engine sparql)");
                yield RuleEngine.Kind.SHACL;
            }
            case sparql -> RuleEngine.Kind.SPARQL;
            // A query per claim and rule is fine for the seeds but takes hours on a store of a million claims.
            case auto -> store ? RuleEngine.Kind.SPARQL : RuleEngine.Kind.SHACL;
        };
    }
}
