package org.w3id.claimgraph.virtuoso;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.QueryFixture;
import org.w3id.claimgraph.query.QuerySamples;

/** Virtuoso answers as in process over the seeds and the query fixture: the query tests' parameter sets. */
class FixtureParityTest extends VirtuosoParityTest {
    @Override
    ProjectLayout project() {
        return QueryFixture.fixtureLayout();
    }

    @Override
    DatasetGraph builtInProcess() {
        return QueryFixture.withFixture();
    }

    /** The parameter sets of QuerySamples (on the fixture) and of SeedQueriesTest (on the seeds). */
    @Override
    List<QuerySamples.Sample> samples(DatasetGraph inProcess) {
        List<QuerySamples.Sample> samples = new ArrayList<>(QuerySamples.ALL);
        samples.addAll(SEED_SAMPLES);
        return samples;
    }

    @Override
    Set<String> mayBeEmpty() {
        return Set.of("contradicting-claims");
    }

    @Override
    List<String> claimsToExplain(DatasetGraph inProcess) {
        return List.of("002-001", "000-003", "000-024", "004-009", "901-004").stream()
                .map(id -> "https://w3id.org/claimgraph/id/claim/" + id).toList();
    }
}
