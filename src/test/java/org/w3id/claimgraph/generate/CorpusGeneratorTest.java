package org.w3id.claimgraph.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.build.GraphBuild;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.validate.RuleEngine;
import org.w3id.claimgraph.validate.Finding;
import org.w3id.claimgraph.rules.Rule;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.validate.Validator;

/** The synthetic corpus: deterministic, valid like the seeds, and with every kind of claim the rules look for. */
class CorpusGeneratorTest {
    private static final String PREFIXES = """
            PREFIX cg: <https://w3id.org/claimgraph/ontology#>
            PREFIX obo: <http://purl.obolibrary.org/obo/>
            """;

    @TempDir
    static Path shared;
    static Path corpus;
    static Model union;
    static Dataset dataset;

    @BeforeAll
    static void generate() {
        corpus = new CorpusGenerator(ProjectLayout.locate(), 600, 7).writeTo(shared.resolve("corpus")).home();
        dataset = GraphBuild.create().layout(new ProjectLayout(corpus)).build();
        union = dataset.getUnionModel();
    }

    @Test
    void everyValidationRuleFires() {
        Validator validator = Validator.load(new ProjectLayout(corpus));
        List<Finding> findings = validator.validate(GraphSource.of(dataset.asDatasetGraph(), "generated corpus"), RuleEngine.Kind.SPARQL, validator.rules().all());
        Map<String, Long> byRule = findings.stream().collect(Collectors.groupingBy(Finding::rule, TreeMap::new, Collectors.counting()));
        for (Rule rule : validator.rules().all()) {
            assertTrue(byRule.getOrDefault(rule.id(), 0L) > 0, "rule " + rule.id() + " never fires: " + byRule);
        }
        assertTrue(byRule.get("no-evidence") > 100 && byRule.get("no-evidence") < 220,
                "about a quarter of the claims were reviewed and rest on the article alone: " + byRule);
        assertTrue(byRule.get("unreviewed") > 60 && byRule.get("unreviewed") < 180, "about a fifth were never reviewed: " + byRule);
    }

    @Test
    void theSameSeedGivesTheSameFilesAndAnotherSeedOthers(@TempDir Path dir) throws Exception {
        Path again = new CorpusGenerator(ProjectLayout.locate(), 600, 7).writeTo(dir.resolve("again")).home();
        Path other = new CorpusGenerator(ProjectLayout.locate(), 600, 8).writeTo(dir.resolve("other")).home();
        assertEquals(checksum(corpus), checksum(again));
        assertNotEquals(checksum(corpus), checksum(other));
    }

    @Test
    void theCorpusBuildsWithEveryClaimAndDocument() throws IOException {
        assertEquals(600, count("SELECT (COUNT(*) AS ?n) { ?c a cg:Claim }"));
        long documents;
        try (Stream<Path> files = Files.list(corpus.resolve("seeds/documents"))) {
            documents = files.filter(p -> p.toString().endsWith(".txt")).count();
        }
        assertEquals(documents, count("SELECT (COUNT(*) AS ?n) { ?d a cg:SourceDocument }"));
        assertTrue(documents >= 600 / 50 && documents <= 600 / 10 + 1, "documents of 10 to 50 claims: " + documents);
        assertTrue(Files.isRegularFile(corpus.resolve("ontology/shapes.ttl")));
        assertTrue(Files.isRegularFile(corpus.resolve("queries/graph-summary.rq")));
    }

    @Test
    void documentIdsAndClaimIrisFollowTheSeedConventions() throws IOException {
        try (Stream<Path> files = Files.list(corpus.resolve("seeds/claims"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.get(0).matches("g0000001_[0-9a-f]{16}\\.ttl"), names.get(0));
        }
        assertEquals(1, count("SELECT (COUNT(*) AS ?n) { <https://w3id.org/claimgraph/id/claim/g0000001-0001> a cg:Claim }"));
    }

    @Test
    void everyKindOfProblemTheRulesLookForOccurs() {
        assertTrue(count("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?c cg:evidence/cg:citationKind cg:VagueAppeal }") > 0, "vague citations");
        assertTrue(count("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?c cg:evidence/cg:citationKind cg:UntraceableCitation }") > 0, "untraceable");
        assertTrue(count("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?c cg:evidence/cg:direction cg:Disputes }") > 0, "disputed");
        assertTrue(count("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?c cg:statedDose/cg:maxAmountMgPerDay ?m FILTER (?m > 350) }") > 0, "doses above the limit");
        assertTrue(count("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?c cg:grade cg:GradeHigh FILTER NOT EXISTS { ?c cg:evidence ?e FILTER NOT EXISTS { ?e a obo:ECO_0000034 } } }") > 0, "over-graded");
        assertTrue(count("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?c cg:hedged false ; cg:grade cg:GradeVeryLow }") > 0, "overstated");
        assertTrue(count("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?c cg:statedIn/cg:sells ?s ; cg:subject ?s ; cg:relation/cg:favourable true }") > 0, "interested source");
        assertTrue(count("""
                SELECT (COUNT(*) AS ?n) { ?a cg:subject ?s ; cg:object ?o ; cg:relation ?r ; cg:statedIn ?d1 .
                  ?b cg:subject ?s ; cg:object ?o ; cg:relation ?r2 ; cg:statedIn ?d2 .
                  ?r cg:incompatibleWith ?r2 FILTER (?d1 != ?d2) }""") > 0, "contradictions across documents");
        long supported = count("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?c cg:evidence/a obo:ECO_0000033 }");
        assertTrue(supported > 200 && supported < 400, "about half the claims cite a traceable study: " + supported);
    }

    @Test
    void aNonEmptyOutputDirectoryIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "mine");
        assertThrows(InputException.class, () -> new CorpusGenerator(ProjectLayout.locate(), 10, 1).writeTo(dir));
        assertEquals(List.of(dir.resolve("keep.txt")), listing(dir));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static long count(String select) {
        try (QueryExecution qe = QueryExecution.create(PREFIXES + select, union)) {
            ResultSet rs = qe.execSelect();
            return rs.next().getLiteral("n").getLong();
        }
    }

    private static String checksum(Path home) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(home.relativize(p).toString().getBytes());
                md.update(Files.readAllBytes(p));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
