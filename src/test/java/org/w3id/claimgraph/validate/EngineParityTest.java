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
import org.w3id.claimgraph.load.InputException;
import org.w3id.claimgraph.load.ProjectLayout;

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
        ProjectLayout layout = FixtureProject.create(home);
        validator = Validator.load(layout);
        dataset = FixtureProject.build(layout);
        expected = validator.validate(ValidationSource.of(dataset, "fixture"), Engine.SHACL, validator.rules().all());
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
        assertEquals(expected, validator.validate(ValidationSource.of(dataset, "fixture"), Engine.SPARQL, validator.rules().all()));
    }

    @Test
    void anEndpointOverHttpGivesWhatTheLocalGraphGives() {
        ValidationSource remote = ValidationSource.endpoint("http://localhost:" + stores.server().getPort() + "/kg/sparql")
                .requireVocabularies(new ProjectLayout(home));
        assertEquals(expected, validator.validate(remote, Engine.SPARQL, validator.rules().all()));
    }

    @Test
    void aTdb2DatabaseGivesWhatTheInMemoryGraphGives() {
        ValidationSource store = ValidationSource.tdb(tdbDir).requireVocabularies(new ProjectLayout(home));
        assertEquals(expected, validator.validate(store, Engine.SHACL, validator.rules().all()));
        assertEquals(expected, validator.validate(store, Engine.SPARQL, validator.rules().all()));
    }

    @Test
    void oneClaimIsExplainedTheSameOverHttp() {
        ProjectLayout layout = new ProjectLayout(home);
        ClaimExplainer explainer = new ClaimExplainer(layout, validator);
        String claim = "https://w3id.org/claimgraph/id/claim/903-001";
        Explanation local = explainer.explain(ValidationSource.of(dataset, "fixture"), Engine.SHACL, claim);
        Explanation remote = explainer.explain(ValidationSource.endpoint("http://localhost:" + stores.server().getPort() + "/kg/sparql"), Engine.SPARQL, claim);
        assertEquals(local, remote);
        assertEquals(3, remote.findings().size());
        assertEquals("high", remote.details().get("grade"));
        assertEquals("high", remote.derivation().get(0).get("start"));
        assertEquals("A systematic review of sleep trials", remote.evidence().get(0).get("title"));
    }

    @Test
    void selectedRulesGiveTheSameSubsetEverywhere() {
        List<Rule> two = validator.rules().select(List.of("overstated", "disputed"));
        List<Finding> subset = expected.stream().filter(f -> f.rule().equals("overstated") || f.rule().equals("disputed")).toList();
        assertEquals(6, subset.size());
        assertEquals(subset, validator.validate(ValidationSource.of(dataset, "fixture"), Engine.SHACL, two));
        assertEquals(subset, validator.validate(ValidationSource.of(dataset, "fixture"), Engine.SPARQL, two));
    }

    @Test
    void aStoreWithoutTheVocabulariesIsRefused() {
        DatasetGraph empty = DatasetGraphFactory.createTxnMem();
        FusekiServer bare = FusekiServer.create().port(0).add("/kg", empty, false).build().start();
        try {
            ValidationSource remote = ValidationSource.endpoint("http://localhost:" + bare.getPort() + "/kg/sparql");
            InputException e = assertThrows(InputException.class, () -> remote.requireVocabularies(new ProjectLayout(home)));
            assertTrue(e.getMessage().contains("no claimgraph vocabularies"), e.getMessage());
        } finally {
            bare.stop();
        }
    }

    @Test
    void anUnreachableEndpointIsAnInputError() {
        int port = stores.server().getPort();
        ValidationSource remote = ValidationSource.endpoint("http://localhost:" + port + "/no-such-dataset/sparql");
        InputException e = assertThrows(InputException.class, () -> validator.validate(remote, Engine.SPARQL, validator.rules().all()));
        assertTrue(e.getMessage().startsWith("SPARQL endpoint http://localhost:" + port + "/no-such-dataset/sparql: "), e.getMessage());
    }
}
