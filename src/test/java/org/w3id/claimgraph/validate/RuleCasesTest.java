package org.w3id.claimgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.CG;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.support.JudgementCase;
import org.w3id.claimgraph.support.TestProject;

/**
 * Each rule with its cases, as the SHACL test suite tests shapes: src/test/resources/rules/RULE/flagged/ holds small
 * graphs whose every claim the rule must flag, RULE/passes/ graphs none of whose claims it may flag. Each case is
 * made into a dataset as the build makes one ({@link JudgementCase}: the whole ontology, the seed concepts and the
 * shared references of src/test/resources/judgements/base.ttl beside it, then derived) and validated on its own by
 * both engines.
 */
class RuleCasesTest {
    private static final Path CASES = TestProject.REPO.resolve("src/test/resources/rules");

    record Case(String rule, boolean flagged, Path file) {
        @Override
        public String toString() {
            return rule + (flagged ? " flags " : " passes ") + file.getFileName();
        }
    }

    private static Validator validator;

    @BeforeAll
    static void load() {
        ProjectLayout layout = ProjectLayout.locate();
        validator = Validator.load(layout);
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> rules = Files.list(CASES)) {
            for (Path dir : rules.sorted().toList()) {
                for (String kind : List.of("flagged", "passes")) {
                    Path sub = dir.resolve(kind);
                    if (!Files.isDirectory(sub)) continue;
                    try (Stream<Path> files = Files.list(sub)) {
                        files.sorted().forEach(f -> cases.add(new Case(dir.getFileName().toString(), kind.equals("flagged"), f)));
                    }
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRuleFlagsEveryClaimOfAFlaggedCaseAndNoneOfAPassingOne(Case c) {
        Rule rule = validator.rules().find(c.rule()).orElseThrow(() -> new AssertionError("no rule " + c.rule()));
        Graph graph = RDFDataMgr.loadGraph(c.file().toString());
        DatasetGraph dsg = JudgementCase.derived(c.file(), c.rule() + "-" + c.file().getFileName().toString().replace(".ttl", ""));
        Set<String> claims = graph.find(Node.ANY, RDF.type.asNode(), CG.Claim).mapWith(t -> t.getSubject().getURI())
                .toSet().stream().collect(Collectors.toCollection(TreeSet::new));
        assertFalse(claims.isEmpty(), c + " has a claim");
        GraphSource source = GraphSource.of(dsg, c.toString());
        for (RuleEngine.Kind engine : RuleEngine.Kind.values()) {
            List<Finding> findings = validator.validate(source, engine, List.of(rule));
            Set<String> flagged = findings.stream().map(Finding::claim).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(c.flagged() ? claims : Set.of(), flagged, c + " (" + engine.id() + "): " + findings);
        }
    }

    @Test
    void everyRuleHasCasesBothWaysAndEveryFolderIsARule() throws IOException {
        List<Case> cases = cases();
        Set<String> rules = validator.rules().all().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(rules, cases.stream().filter(Case::flagged).map(Case::rule).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(rules, cases.stream().filter(c -> !c.flagged()).map(Case::rule).collect(Collectors.toCollection(TreeSet::new)));
        try (Stream<Path> dirs = Files.list(CASES)) {
            assertTrue(dirs.allMatch(d -> rules.contains(d.getFileName().toString())), "a folder that is no rule's");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
    @Test
    void theDisputingLinesOfAnAssertionsOtherClaimsAreOneResultCountingThem() {
        Path file = CASES.resolve("disputed/flagged/judgements.ttl");
        DatasetGraph dsg = JudgementCase.derived(file, "disputed-assertion");
        Rule disputed = validator.rules().find("disputed").orElseThrow();
        for (RuleEngine.Kind engine : RuleEngine.Kind.values()) {
            List<String> messages = validator.validate(GraphSource.of(dsg, "disputed case"), engine, List.of(disputed)).stream()
                    .filter(f -> f.claim().endsWith("/claim/j37-001")).map(Finding::message).toList();
            assertEquals(List.of("Disputed by 1 line of curator evidence on other claims of the same assertion (\u201CLarge trial of magnesium"
                    + " chloride in depression\u201D): each line, with its note, is on the claim that carries it"), messages, engine.id());
        }
    }
}
