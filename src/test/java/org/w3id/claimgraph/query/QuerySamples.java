package org.w3id.claimgraph.query;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;

/**
 * One or more calls of every named query, with parameters, on the fixture graph: the same calls are run
 * in memory, on TDB2, through an endpoint, through the CLI and through the REST API, and must agree.
 */
public final class QuerySamples {

    public record Sample(String name, Map<String, String> params) {
        @Override
        public String toString() {
            return name + params;
        }
    }

    public static final List<Sample> ALL = List.of(
            new Sample("graph-summary", Map.of()),
            new Sample("claims-per-document", Map.of()),
            new Sample("claims-per-grade", Map.of()),
            new Sample("claims-per-mineral", Map.of()),
            new Sample("claims-per-relation", Map.of()),
            new Sample("claims-about", Map.of("concept", "concept:fx-magnesium")),
            new Sample("mechanism-paths", Map.of("mineral", "concept:fx-magnesium")),
            new Sample("mechanism-paths", Map.of("mineral", "concept:fx-magnesium", "outcome", "concept:fx-anxiety")),
            new Sample("outcome-evidence", Map.of("outcome", "concept:fx-sleep-quality")),
            new Sample("unsupported-claims", Map.of()),
            new Sample("unsupported-claims", Map.of("document", "doc:901_queryfixture", "includeWeak", "false")),
            new Sample("documents-by-unsupported-share", Map.of("minClaims", "0")),
            new Sample("claims-by-evidence-type", Map.of()),
            new Sample("claims-by-evidence-type", Map.of("type", "obo:ECO_0000180", "direction", "cg:Supports")),
            new Sample("claims-by-evidence-type", Map.of("document", "doc:901_queryfixture")),
            new Sample("contradicting-claims", Map.of()),
            new Sample("contradicting-claims", Map.of("concept", "concept:fx-cortisol")),
            new Sample("references-cited", Map.of()),
            new Sample("references-cited", Map.of("reference", "reference:fx-trial-2020")),
            new Sample("doses-vs-upper-limit", Map.of("age", "6")),
            new Sample("doses-vs-upper-limit", Map.of("exceedingOnly", "true")),
            new Sample("bioavailability", Map.of("form", "concept:fx-oxide")),
            new Sample("concept-search", Map.of("text", "Bisgly")),
            new Sample("concept-search", Map.of("text", "fixture")),
            new Sample("commercial-interest-claims", Map.of("soldOnly", "true")),
            new Sample("claim-evidence", Map.of("claim", "claim:901-004")));

    private QuerySamples() {}

    /** A new TDB2 database in {@code dir} holding the fixture graph, as {@code load --tdb} would make it. */
    public static DatasetGraph tdb2(Path dir) {
        DatasetGraph source = QueryFixture.withFixture();
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(dir.toString());
        Txn.executeWrite(tdb, () -> Txn.executeRead(source, () -> source.find().forEachRemaining(tdb::add)));
        return tdb;
    }
}
