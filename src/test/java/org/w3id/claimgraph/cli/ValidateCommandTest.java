package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;
import org.w3id.claimgraph.validate.FixtureStores;

/** `claimgraph validate` end to end on the fixture project: formats, filters and exit codes. */
class ValidateCommandTest {
    private static final String CG_NS = "https://w3id.org/claimgraph/ontology#";
    private static final String SH = "http://www.w3.org/ns/shacl#";

    @TempDir
    static Path home;
    @TempDir
    static Path tdbDir;

    static FixtureStores stores;

    @BeforeAll
    static void setUp() {
        TestProject project = TestProject.validationFixture(home);
        Dataset dataset = project.build();
        stores = FixtureStores.of(dataset, tdbDir);
    }

    @AfterAll
    static void tearDown() {
        if (stores != null) stores.close();
    }

    @Test
    void textIsOneFindingALineNamingFileClaimRuleSeverityMessageAndQuote() {
        CliRun run = CliRun.in(home, "validate");
        assertEquals(1, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals(27, lines.size(), run.toString());
        assertTrue(lines.contains("seeds/claims/902_article.ttl:12: claim:902-001 [disputed] violation: Disputed by \u201CTryptophan 5-monooxygenase (enzyme entry)\u201D:"
                + " The enzyme needs iron, tetrahydrobiopterin and oxygen; magnesium is not its cofactor. \u2014 \"Magnesium is a cofactor of serotonin synthesis.\""), run.toString());
        assertTrue(run.err().contains("27 finding(s) in 14 claim(s): 7 violation(s), 18 warning(s), 2 info"), run.err());
    }

    @Test
    void jsonFollowsTheDocumentedSchema() {
        CliRun run = CliRun.in(home, "validate", "--format", "json");
        assertEquals(1, run.exitCode(), run.toString());
        JsonObject report = JSON.parse(run.out());
        assertEquals(2, report.getNumber("formatVersion").intValue());
        assertEquals("shacl", report.getString("engine"));
        assertEquals("violation", report.getString("failOn"));
        assertEquals(false, report.getBoolean("passed"));
        JsonObject summary = report.getObj("summary");
        assertEquals(27, summary.getNumber("findings").intValue());
        assertEquals(14, summary.getNumber("claims").intValue());
        assertEquals(7, summary.getObj("bySeverity").getNumber("violation").intValue());
        assertEquals(18, summary.getObj("bySeverity").getNumber("warning").intValue());
        assertEquals(2, summary.getObj("bySeverity").getNumber("info").intValue());
        assertEquals(6, summary.getObj("byRule").getNumber("no-evidence").intValue());
        assertEquals(2, summary.getObj("byRule").getNumber("unreviewed").intValue());
        assertEquals(5, summary.getObj("byRule").getNumber("contradicts-source").intValue());
        JsonArray findings = report.get("findings").getAsArray();
        assertEquals(27, findings.size());
        JsonObject first = findings.get(0).getAsObject();
        assertEquals(List.of("claim", "claimId", "rule", "severity", "message", "document", "documentId", "quote", "value",
                "grade", "gradeSource", "derivedGrade", "curatorGrade", "reviewed"), List.copyOf(first.keys()));
        assertEquals("https://w3id.org/claimgraph/id/claim/901-001", first.getString("claim"));
        assertEquals("unreviewed", first.getString("rule"));
        assertEquals("info", first.getString("severity"));
        assertEquals("https://w3id.org/claimgraph/id/document/901_vendor", first.getString("document"));
        assertEquals("Our magnesium glycinate may improve sleep quality, as our own laboratory data show.", first.getString("quote"));
        assertTrue(first.get("value").isNull());
        assertEquals("very-low", first.getString("grade"));
        assertEquals("derived", first.getString("gradeSource"));
        assertEquals("very-low", first.getString("derivedGrade"));
        assertTrue(first.get("curatorGrade").isNull());
        assertEquals(false, first.getBoolean("reviewed"));
    }

    @Test
    void turtleIsAShaclValidationReport() {
        CliRun run = CliRun.in(home, "validate", "--format", "turtle", "--rule", "disputed,dose-above-upper-limit");
        assertEquals(1, run.exitCode(), run.toString());
        Graph report = GraphFactory.createDefaultGraph();
        RDFParser.fromString(run.out(), Lang.TURTLE).parse(report);
        Node result = NodeFactory.createURI(SH + "ValidationResult");
        assertEquals(3, report.find(Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), result).toList().size());
        assertTrue(report.contains(Node.ANY, NodeFactory.createURI(SH + "focusNode"), NodeFactory.createURI("https://w3id.org/claimgraph/id/claim/902-001")));
        assertTrue(report.contains(Node.ANY, NodeFactory.createURI(SH + "sourceShape"), NodeFactory.createURI("https://w3id.org/claimgraph/rules#dose-above-upper-limit")));
        assertTrue(report.contains(Node.ANY, NodeFactory.createURI(SH + "conforms"), NodeFactory.createLiteralByValue(false)));
        Node claim = NodeFactory.createURI("https://w3id.org/claimgraph/id/claim/902-001");
        assertTrue(report.contains(claim, NodeFactory.createURI(CG_NS + "grade"), Node.ANY), "the focus node carries its grade");
        assertTrue(report.contains(claim, NodeFactory.createURI(CG_NS + "derivedGrade"), Node.ANY));
        assertTrue(report.contains(claim, NodeFactory.createURI(CG_NS + "reviewed"), Node.ANY));
    }

    /** Issue 19, item 3: every result of the SHACL report names its value node (sh:value), every rule's too. */
    @Test
    void everyResultOfTheTurtleReportHasAValue() {
        CliRun run = CliRun.in(home, "validate", "--format", "turtle", "--fail-on", "none");
        assertEquals(0, run.exitCode(), run.toString());
        Graph report = GraphFactory.createDefaultGraph();
        RDFParser.fromString(run.out(), Lang.TURTLE).parse(report);
        var results = report.find(Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), NodeFactory.createURI(SH + "ValidationResult")).toList();
        java.util.Set<Node> rules = new java.util.HashSet<>();
        for (var result : results) {
            Node r = result.getSubject();
            assertEquals(1, report.find(r, NodeFactory.createURI(SH + "value"), Node.ANY).toList().size(), r.toString());
            rules.add(report.find(r, NodeFactory.createURI(SH + "sourceShape"), Node.ANY).next().getObject());
        }
        assertTrue(rules.size() >= 5, "results of many rules: " + rules);
    }

    @Test
    void exitCodesFollowFailOnAndTheFilters() {
        assertEquals(1, CliRun.in(home, "validate", "--rule", "disputed").exitCode());
        assertEquals(0, CliRun.in(home, "validate", "--rule", "overstated").exitCode(), "warnings do not fail by default");
        assertEquals(1, CliRun.in(home, "validate", "--rule", "overstated", "--fail-on", "warning").exitCode());
        assertEquals(0, CliRun.in(home, "validate", "--fail-on", "none").exitCode());
        CliRun violationsOnly = CliRun.in(home, "validate", "--severity", "violation", "--format", "json");
        assertEquals(7, JSON.parse(violationsOnly.out()).getObj("summary").getNumber("findings").intValue());
        CliRun warningsOnly = CliRun.in(home, "validate", "--severity", "warning", "--rule", "overstated,vague-citation");
        assertEquals(0, warningsOnly.exitCode());
        assertEquals(6, warningsOnly.out().lines().count(), warningsOnly.toString());
    }

    @Test
    void usageAndInputErrorsExitTwo() {
        assertEquals(2, CliRun.in(home, "validate", "--rule", "no-such-rule").exitCode());
        CliRun badSeverity = CliRun.in(home, "validate", "--severity", "fatal");
        assertEquals(2, badSeverity.exitCode());
        assertTrue(badSeverity.err().contains("unknown severity 'fatal'"), badSeverity.err());
        assertEquals(2, CliRun.in(home, "validate", "--fail-on", "sometimes").exitCode());
        assertEquals(2, CliRun.in(home, "validate", "--format", "xml").exitCode());
        assertEquals(2, CliRun.in(home, "validate", "--tdb", tdbDir.toString(), "--endpoint", "http://localhost:1/x").exitCode());
        assertEquals(2, CliRun.in(home, "validate", "--tdb", home.resolve("nowhere").toString()).exitCode());
        assertEquals(2, CliRun.in(home, "validate", "--tdb", home.resolve("seeds").toString()).exitCode(), "not a TDB2 directory");
        assertEquals(2, CliRun.in(home, "validate", "--endpoint", "ftp://example.org/sparql").exitCode());
        assertEquals(2, CliRun.in(home, "validate", "--endpoint", "http://localhost:" + stores.server().getPort() + "/kg/sparql", "--engine", "shacl").exitCode());
        assertEquals(2, CliRun.in(home, "validate", "--tdb", tdbDir.toString(), home.resolve("extra.ttl").toString()).exitCode());
        assertEquals(2, CliRun.in(home, "validate", home.resolve("missing.ttl").toString()).exitCode());
    }

    @Test
    void aBrokenExtraFileIsADataProblem() throws Exception {
        Path extra = home.resolve("broken.ttl");
        Files.writeString(extra, "@prefix cg: <https://w3id.org/claimgraph/ontology#> .\n<https://w3id.org/claimgraph/id/claim/999-001> a cg:Claim .\n");
        CliRun run = CliRun.in(home, "validate", extra.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("999-001"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anExtraFileIsValidatedTogetherWithTheSeeds() throws Exception {
        Path extra = home.resolve("new-claim.ttl");
        Files.writeString(extra, """
                @prefix cg:    <https://w3id.org/claimgraph/ontology#> .
                @prefix oa:    <http://www.w3.org/ns/oa#> .
                @prefix obo:   <http://purl.obolibrary.org/obo/> .
                @prefix claim: <https://w3id.org/claimgraph/id/claim/> .
                @prefix doc:   <https://w3id.org/claimgraph/id/document/> .
                @prefix concept: <https://w3id.org/claimgraph/id/concept/> .
                @prefix xsd:   <http://www.w3.org/2001/XMLSchema#> .
                claim:903-099 a cg:Claim ;
                    cg:subject concept:magnesium ; cg:relation cg:worsens ; cg:object concept:anxiety ;
                    cg:statedIn doc:903_news ; cg:hedged true ;
                    cg:quote claim:903-099-quote ;
                    cg:evidence claim:903-099-evidence .
                claim:903-099-quote a oa:SpecificResource ; oa:hasSource doc:903_news ;
                    oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "Minerals in the News" ] ,
                                   [ a oa:TextPositionSelector ; oa:start "0"^^xsd:nonNegativeInteger ; oa:end "20"^^xsd:nonNegativeInteger ] .
                claim:903-099-evidence a cg:Evidence , obo:ECO_0000034 ; cg:citationKind cg:Uncited ; cg:direction cg:Supports .
                """);
        CliRun run = CliRun.in(home, "validate", extra.toString());
        assertEquals(1, run.exitCode(), run.toString());
        List<String> mine = run.out().lines().filter(l -> l.contains("claim:903-099 ")).toList();
        assertEquals(List.of(
                "seeds/claims/903_news.ttl: claim:903-099 [unreviewed] info: Not yet checked: no literature review is recorded for it,"
                        + " or for another claim asserting the same. \u2014 \"Minerals in the News\"",
                "seeds/claims/903_news.ttl: claim:903-099 [contradicts-source] warning: Contradicted by claim 901-002 of document 901_vendor:"
                        + " magnesium glycinate alleviates anxiety (here: magnesium worsens anxiety); incompatible relations, explained by a"
                        + " difference in form. \u2014 \"Minerals in the News\"",
                "seeds/claims/903_news.ttl: claim:903-099 [contradicts-source] warning: Contradicted by claim 902-004 of document 902_article:"
                        + " magnesium alleviates anxiety (here: magnesium worsens anxiety); incompatible relations, unexplained."
                        + " \u2014 \"Minerals in the News\""), mine);
        assertTrue(run.out().contains("claim:902-004 [contradicts-source] warning: Contradicted by claim 903-099 of document 903_news"),
                "the seed claims see the new claim too");
    }

    @Test
    void anExtraFileMayNotCarryAGradeTheBuildDerives() throws Exception {
        Path extra = home.resolve("graded-claim.ttl");
        Files.writeString(extra, """
                @prefix cg:    <https://w3id.org/claimgraph/ontology#> .
                <https://w3id.org/claimgraph/id/claim/902-001> cg:grade cg:GradeHigh .
                """);
        CliRun run = CliRun.in(home, "validate", extra.toString());
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("grade is derived by the build, not curated"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void tdbAndEndpointGiveTheSameJsonFindingsAsTheSeedGraph() {
        JsonValue local = JSON.parse(CliRun.in(home, "validate", "--format", "json").out()).get("findings");
        CliRun remote = CliRun.in(home, "validate", "--format", "json", "--endpoint", "http://localhost:" + stores.server().getPort() + "/kg/sparql");
        assertEquals(1, remote.exitCode(), remote.toString());
        assertEquals("sparql", JSON.parse(remote.out()).getString("engine"));
        assertEquals(local, JSON.parse(remote.out()).get("findings"));
        CliRun store = CliRun.in(home, "validate", "--format", "json", "--tdb", tdbDir.toString());
        assertEquals(1, store.exitCode(), store.toString());
        assertEquals("sparql", JSON.parse(store.out()).getString("engine"), "a store is validated one query per rule");
        assertEquals(local, JSON.parse(store.out()).get("findings"));
    }

    @Test
    void listRulesPrintsEveryRuleWithItsSeverity() {
        CliRun run = CliRun.in(home, "validate", "--list-rules");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("grade-override          warning    grade override"), run.out());
        assertTrue(run.out().contains("unreviewed              info       unreviewed"), run.out());
        assertTrue(run.out().contains("overstated              warning    overstated"), run.out());
    }
}
