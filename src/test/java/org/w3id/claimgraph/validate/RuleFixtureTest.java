package org.w3id.claimgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.support.TestProject;
import org.w3id.claimgraph.rules.Severity;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.rules.Rule;

/**
 * The rules of ontology/rules.ttl against the fixture claims (src/test/resources/validate/fixture),
 * each written to be flagged by some rules and passed by the others.
 */
class RuleFixtureTest {
    @TempDir
    static Path home;

    static Validator validator;
    static List<Finding> findings;

    @BeforeAll
    static void validate() {
        TestProject project = TestProject.validationFixture(home);
        ProjectLayout layout = project.layout();
        validator = Validator.load(layout);
        findings = validator.validate(GraphSource.of(project.build().asDatasetGraph(), "fixture"), RuleEngine.Kind.SHACL, validator.rules().all());
    }

    @Test
    void theFixtureGivesExactlyTheseFindingsInReportOrder() {
        List<String> expected = List.of(
                "901-001 unreviewed", "901-001 contradicts-source", "901-001 interested-source",
                "901-002 unreviewed",
                "901-003 no-evidence", "901-003 dose-above-upper-limit", "901-003 interested-source", "901-003 overstated",
                "901-004 no-evidence", "901-004 interested-source", "901-004 overstated",
                "902-001 no-evidence", "902-001 disputed", "902-001 overstated",
                "902-003 vague-citation", "902-003 contradicts-source",
                "902-004 no-evidence", "902-004 untraceable-citation", "902-004 overstated",
                "902-005 grade-override",
                "902-006 overstated",
                "902-007 contradicts-source",
                "903-001 contradicts-source", "903-001 contradicts-source",
                "903-002 no-evidence",
                "903-003 no-evidence",
                "903-004 dose-above-upper-limit");
        assertEquals(expected, findings.stream().map(f -> f.claimId() + " " + f.rule()).toList());
    }

    @ParameterizedTest(name = "{0} flags {1} and passes {2}")
    @CsvSource(delimiter = ';', value = {
            "no-evidence;            902-001 901-003 903-002;  902-002 901-001 902-005 902-003",
            "unreviewed;             901-001 901-002;          902-001 903-001",
            "vague-citation;         902-003;                  902-002 902-004",
            "untraceable-citation;   902-004;                  902-005 902-003",
            "grade-override;         902-005;                  902-002 902-006 903-008",
            "disputed;               902-001;                  902-002",
            "contradicts-source;     903-001 902-003 902-007 901-001;  903-002 903-003 902-002",
            "dose-above-upper-limit; 901-003 903-004;          902-008 902-009 903-005",
            "interested-source;      901-001 901-003 901-004;  901-002 902-003",
            "overstated;             902-001 902-006 901-003;  902-007 902-002 901-002",
    })
    void eachRuleFlagsItsFixtureAndPassesTheOthers(String rule, String flagged, String clean) {
        for (String claim : claims(flagged)) {
            assertTrue(has(claim, rule), rule + " must flag " + claim);
        }
        for (String claim : claims(clean)) {
            assertFalse(has(claim, rule), rule + " must not flag " + claim);
        }
    }

    @Test
    void theRuleSetHasTheRulesTheIssueAsksFor() {
        assertEquals(List.of("no-evidence", "unreviewed", "vague-citation", "untraceable-citation", "grade-override", "disputed",
                        "contradicts-source", "dose-above-upper-limit", "interested-source", "candidate", "overstated"),
                validator.rules().all().stream().map(Rule::id).toList());
    }

    @Test
    void theOverrideRuleNamesTheDifferenceFromTheDerivedGradeAndTheReason() {
        assertEquals("Graded high by a curator's override, +2 levels from the derived low: Graded as if the trial were large.",
                message("902-005", "grade-override"));
    }

    @Test
    void theDoseRuleNamesTheHighestAdultLimitExceeded() {
        assertEquals("States up to 2800 mg/day of calcium (total intake), above the tolerable upper intake level of 2500 mg/day (total intake, adults 19-50 years).",
                message("903-004", "dose-above-upper-limit"));
        assertEquals("States up to 500 mg/day of magnesium (supplemental intake), above the tolerable upper intake level of 350 mg/day (supplemental intake, ages 9 and older).",
                message("901-003", "dose-above-upper-limit"));
    }

    @Test
    void contradictionsOfOneKindAndContextAreOneResultCountingTheirClaimsAndNamingOne() {
        assertEquals(List.of(
                "Contradicted by claim 901-001 of document 901_vendor: magnesium glycinate improves sleep quality"
                        + " (here: magnesium has no effect on sleep quality); incompatible relations, explained by a difference in form.",
                "Contradicted by 2 claims of 1 other document, among them claim 902-003 of document 902_article: magnesium improves"
                        + " sleep quality (here: magnesium has no effect on sleep quality); incompatible relations, unexplained."), findings.stream()
                .filter(f -> f.claimId().equals("903-001") && f.rule().equals("contradicts-source")).map(Finding::message).toList());
    }

    @Test
    void messagesNameTheReferenceOrClaimToCheck() {
        assertEquals("Disputed by \u201CTryptophan 5-monooxygenase (enzyme entry)\u201D: The enzyme needs iron, tetrahydrobiopterin and oxygen; magnesium is not its cofactor.",
                message("902-001", "disputed"));
        assertEquals("The article cites \u201Ca 2015 review in Neuropharmacology\u201D, which cannot be traced to any publication.",
                message("902-004", "untraceable-citation"));
        assertEquals("Contradicted by claim 903-001 of document 903_news: magnesium has no effect on sleep quality"
                        + " (here: magnesium improves sleep quality); incompatible relations, unexplained.",
                message("902-007", "contradicts-source"));
        assertEquals("Contradicted by claim 903-001 of document 903_news: magnesium has no effect on sleep quality"
                        + " (here: magnesium glycinate improves sleep quality); incompatible relations, explained by a difference in form.",
                message("901-001", "contradicts-source"));
        assertEquals("The publisher sells magnesium glycinate; this claim speaks for magnesium glycinate, and no independent evidence supports it.",
                message("901-004", "interested-source"));
        assertEquals("The publisher sells magnesium glycinate; this claim speaks for magnesium, and no independent evidence supports it.",
                message("901-003", "interested-source"));
    }

    @Test
    void everyFindingCarriesItsSeverityDocumentAndQuote() {
        for (Finding f : findings) {
            assertEquals(validator.rules().find(f.rule()).orElseThrow().severity(), f.severity());
            assertNotNull(f.document(), f + " has a document");
            assertEquals(f.claimId().substring(0, 3), f.documentId().substring(0, 3));
            assertNotNull(f.quote(), f + " has a quote");
        }
        Finding disputed = find("902-001", "disputed");
        assertEquals("Magnesium is a cofactor of serotonin synthesis.", disputed.quote());
        assertEquals("https://w3id.org/claimgraph/id/document/902_article", disputed.document());
        assertTrue(disputed.value().getURI().startsWith("https://w3id.org/claimgraph/id/claim/902-001/evidence/"));
        assertEquals(Severity.VIOLATION, disputed.severity());
        assertEquals(Severity.WARNING, find("902-006", "overstated").severity());
        assertEquals(Severity.INFO, find("901-001", "unreviewed").severity());
    }

    @Test
    void oneClaimIsValidatedAloneWithTheSameResults() {
        for (RuleEngine.Kind engine : RuleEngine.Kind.values()) {
            GraphSource source = GraphSource.of(GraphBuild.create().layout(new ProjectLayout(home)).build().asDatasetGraph(), "fixture");
            List<Finding> alone = validator.validateClaim(source, engine,
                    org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/claimgraph/id/claim/902-003"));
            assertEquals(findings.stream().filter(f -> f.claimId().equals("902-003")).toList(), alone, engine.id());
        }
    }

    private static boolean has(String claim, String rule) {
        return findings.stream().anyMatch(f -> f.claimId().equals(claim) && f.rule().equals(rule));
    }

    private static Finding find(String claim, String rule) {
        return findings.stream().filter(f -> f.claimId().equals(claim) && f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " finding for " + claim));
    }

    private static String message(String claim, String rule) {
        return find(claim, rule).message();
    }

    private static List<String> claims(String list) {
        return Arrays.stream(list.trim().split("\\s+")).toList();
    }
}
