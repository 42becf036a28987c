package org.w3id.claimgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.support.TestProject;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * The same findings whichever engine runs the rules and wherever the graph lives: Jena SHACL and
 * one-query-per-rule SPARQL on the in-memory graph, SPARQL against a real Fuseki over HTTP, and both
 * engines on a TDB2 database.
 */
class EngineParityTest {
    @TempDir
    static Path home;
    @TempDir
    static Path tdbDir;

    static Validator validator;
    static Dataset dataset;
    static List<Finding> expected;
    static FixtureStores stores;

    @BeforeAll
    static void setUp() {
        TestProject project = TestProject.validationFixture(home);
        ProjectLayout layout = project.layout();
        validator = Validator.load(layout);
        dataset = project.build();
        TestProject.withOneCandidate(dataset.asDatasetGraph());
        expected = validator.validate(GraphSource.of(dataset.asDatasetGraph(), "fixture"), RuleEngine.Kind.SHACL, validator.rules().all());
        stores = FixtureStores.of(dataset, tdbDir);
    }

    @AfterAll
    static void tearDown() {
        if (stores != null) stores.close();
    }

    @Test
    void theFixtureHasFindingsOfEveryRule() {
        assertEquals(28, expected.size());
        assertEquals(validator.rules().all().size(), expected.stream().map(Finding::rule).distinct().count());
    }

    @Test
    void sparqlLocallyGivesWhatShaclGives() {
        assertEquals(expected, validator.validate(GraphSource.of(dataset.asDatasetGraph(), "fixture"), RuleEngine.Kind.SPARQL, validator.rules().all()));
    }

    @Test
    void anEndpointOverHttpGivesWhatTheLocalGraphGives() {
        GraphSource remote = GraphSource.endpoint("http://localhost:" + stores.server().getPort() + "/kg/sparql");
        validator.requireVocabularies(remote);
        assertEquals(expected, validator.validate(remote, RuleEngine.Kind.SPARQL, validator.rules().all()));
    }

    @Test
    void aTdb2DatabaseGivesWhatTheInMemoryGraphGives() {
        try (GraphSource store = GraphSource.tdb2(tdbDir)) {
            validator.requireVocabularies(store);
            assertEquals(expected, validator.validate(store, RuleEngine.Kind.SHACL, validator.rules().all()));
            assertEquals(expected, validator.validate(store, RuleEngine.Kind.SPARQL, validator.rules().all()));
        }
    }

    @Test
    void oneClaimIsExplainedTheSameOverHttp() {
        ProjectLayout layout = new ProjectLayout(home);
        ClaimExplainer explainer = new ClaimExplainer(layout, validator);
        String claim = "https://w3id.org/claimgraph/id/claim/903-001";
        Explanation local = explainer.explain(GraphSource.of(dataset.asDatasetGraph(), "fixture"), RuleEngine.Kind.SHACL, claim);
        Explanation remote = explainer.explain(GraphSource.endpoint("http://localhost:" + stores.server().getPort() + "/kg/sparql"), RuleEngine.Kind.SPARQL, claim);
        assertEquals(local, remote);
        assertEquals(2, remote.findings().size());
        assertEquals("high", remote.details().get("grade"));
        assertEquals("high", remote.derivation().get(0).get("start"));
        assertEquals("A systematic review of sleep trials", remote.evidence().get(0).get("title"));
    }

    @Test
    void selectedRulesGiveTheSameSubsetEverywhere() {
        List<Rule> two = validator.rules().select(List.of("overstated", "disputed"));
        List<Finding> subset = expected.stream().filter(f -> f.rule().equals("overstated") || f.rule().equals("disputed")).toList();
        assertEquals(6, subset.size());
        assertEquals(subset, validator.validate(GraphSource.of(dataset.asDatasetGraph(), "fixture"), RuleEngine.Kind.SHACL, two));
        assertEquals(subset, validator.validate(GraphSource.of(dataset.asDatasetGraph(), "fixture"), RuleEngine.Kind.SPARQL, two));
    }

    @Test
    void aStoreWithoutTheVocabulariesIsRefused() {
        DatasetGraph empty = DatasetGraphFactory.createTxnMem();
        FusekiServer bare = FusekiServer.create().port(0).add("/kg", empty, false).build().start();
        try {
            GraphSource remote = GraphSource.endpoint("http://localhost:" + bare.getPort() + "/kg/sparql");
            InputException e = assertThrows(InputException.class, () -> validator.requireVocabularies(remote));
            assertTrue(e.getMessage().contains("no claimgraph vocabularies"), e.getMessage());
        } finally {
            bare.stop();
        }
    }

    @Test
    void anUnreachableEndpointIsAnInputError() {
        int port = stores.server().getPort();
        GraphSource remote = GraphSource.endpoint("http://localhost:" + port + "/no-such-dataset/sparql");
        InputException e = assertThrows(InputException.class, () -> validator.validate(remote, RuleEngine.Kind.SPARQL, validator.rules().all()));
        assertTrue(e.getMessage().startsWith("SPARQL endpoint http://localhost:" + port + "/no-such-dataset/sparql: "), e.getMessage());
    }
}
