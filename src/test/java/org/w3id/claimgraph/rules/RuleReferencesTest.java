package org.w3id.claimgraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.support.TestProject;
import org.w3id.claimgraph.validate.Finding;
import org.w3id.claimgraph.validate.RuleEngine;
import org.w3id.claimgraph.validate.Validator;

/** A query that reads a rule's judgement gets exactly the claims the rule flags, on the validation fixture. */
class RuleReferencesTest {
    private static final String PREFIXES = """
            PREFIX sh: <http://www.w3.org/ns/shacl#>
            PREFIX cg: <https://w3id.org/claimgraph/ontology#>
            PREFIX cgr: <https://w3id.org/claimgraph/rules#>
            """;

    @TempDir
    static Path home;
    static RuleSet rules;
    static Validator validator;
    static GraphSource fixture;

    @BeforeAll
    static void build() {
        TestProject project = TestProject.validationFixture(home);
        ProjectLayout layout = project.layout();
        rules = RuleSet.load(layout);
        validator = Validator.load(layout);
        DatasetGraph dataset = project.build().asDatasetGraph();
        TestProject.withOneCandidate(dataset);
        fixture = GraphSource.of(dataset, "fixture");
    }

    @Test
    void everyRuleReadThroughAReferenceFlagsWhatTheValidatorFlags() {
        for (Rule rule : rules.all()) {
            Set<String> flagged = validator.validate(fixture, RuleEngine.Kind.SPARQL, java.util.List.of(rule)).stream()
                    .map(Finding::claim).collect(Collectors.toCollection(TreeSet::new));
            assertFalse(flagged.isEmpty(), rule.id() + " flags something on the fixture");
            assertEquals(flagged, claims("SELECT ?claim WHERE { ?result sh:focusNode ?claim ; sh:sourceShape <" + rule.iri().getURI() + "> }"),
                    rule.id());
        }
    }

    @Test
    void aReferenceInsideExistsAsksAboutEachClaim() {
        Set<String> unsupported = claims("SELECT ?claim WHERE { ?claim a cg:Claim . "
                + "BIND (EXISTS { ?r sh:focusNode ?claim ; sh:sourceShape cgr:no-evidence } AS ?flagged) FILTER (?flagged) }");
        assertEquals(claims("SELECT ?claim WHERE { ?r sh:focusNode ?claim ; sh:sourceShape cgr:no-evidence }"), unsupported);
        Set<String> all = claims("SELECT ?claim WHERE { ?claim a cg:Claim }");
        assertTrue(all.size() > unsupported.size() && all.containsAll(unsupported));
    }

    @Test
    void aQueryWithoutReferencesIsLeftAsItIs() {
        Query plain = QueryFactory.create(PREFIXES + "SELECT ?claim WHERE { ?claim sh:focusNode ?x ; cg:grade ?g }");
        assertEquals(plain.toString(), RuleReferences.resolve(plain, rules).toString());
    }

    @Test
    void misusedReferencesAreInputErrors() {
        InputException elsewhere = assertThrows(InputException.class, () -> resolve(
                "SELECT ?claim WHERE { ?r sh:focusNode ?claim ; sh:sourceShape cgr:no-evidence ; sh:resultMessage ?m }"));
        assertTrue(elsewhere.getMessage().contains("sh:focusNode and sh:sourceShape only"), elsewhere.getMessage());
        InputException constant = assertThrows(InputException.class, () -> resolve(
                "SELECT * WHERE { ?r sh:focusNode <https://w3id.org/claimgraph/id/claim/901-001> ; sh:sourceShape cgr:no-evidence }"));
        assertTrue(constant.getMessage().contains("needs a variable"), constant.getMessage());
    }

    @Test
    void aFocusVariableTheRuleUsesItselfIsRenamedInsideTheRule() {
        // no-evidence has a ?document of its own: the claims it flags are found all the same
        Query query = resolve("SELECT ?document WHERE { ?r sh:focusNode ?document ; sh:sourceShape cgr:no-evidence }");
        Set<String> found = new TreeSet<>();
        fixture.select(query).forEachRemaining(row -> found.add(row.get(Var.alloc("document")).getURI()));
        assertEquals(claims("SELECT ?claim WHERE { ?r sh:focusNode ?claim ; sh:sourceShape cgr:no-evidence }"), found);
    }

    private static Query resolve(String select) {
        return RuleReferences.resolve(QueryFactory.create(PREFIXES + select), rules);
    }

    private static Set<String> claims(String select) {
        Query query = resolve(select);
        Set<String> found = new TreeSet<>();
        fixture.select(query).forEachRemaining(row -> found.add(row.get(Var.alloc("claim")).getURI()));
        return found;
    }
}
