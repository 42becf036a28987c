package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.project.Sha256;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;

/**
 * Candidates are visible and kept apart (issue 18, item 3): after `ingest` the export has them, each marked
 * cg:status cg:Candidate; validate lists them apart and does not fail because of them; the named queries leave them
 * out unless asked with includeCandidates=true.
 */
class CandidatesApartTest {
    private static final String ARTICLE = """
            Magnesium and Sleep

            Magnesium improves sleep quality in older adults, and everyone agrees.
            Magnesium reduces cortisol, experts believe.
            """;

    @TempDir
    static Path dir;
    static TestProject project;
    static String document;

    @BeforeAll
    static void ingest() throws IOException {
        project = TestProject.copyOfSeeds(dir.resolve("home"));
        Path article = Files.writeString(dir.resolve("article.txt"), ARTICLE, StandardCharsets.UTF_8);
        CliRun run = CliRun.in(project.home(), "ingest", article.toString(), "--title", "Sleep", "--published", "2024-05-01");
        assertEquals(0, run.exitCode(), run.err());
        document = "005_" + Sha256.hex(ARTICLE.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    @Test
    void theExportHasTheCandidatesMarked() throws IOException {
        Path out = dir.resolve("export.nq");
        CliRun run = CliRun.in(project.home(), "export", "--format", "nquads", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Dataset data = RDFDataMgr.loadDataset(out.toString());
        String ask = """
                PREFIX cg: <https://w3id.org/claimgraph/ontology#>
                SELECT (COUNT(DISTINCT ?c) AS ?n) (COUNT(DISTINCT ?marked) AS ?m) WHERE { GRAPH ?g {
                  ?c a cg:Claim ; cg:statedIn <https://w3id.org/claimgraph/id/document/%s> .
                  OPTIONAL { ?c cg:status cg:Candidate BIND (?c AS ?marked) } } }""".formatted(document);
        try (var qe = QueryExecutionFactory.create(ask, data)) {
            var row = qe.execSelect().next();
            assertTrue(row.getLiteral("n").getInt() >= 2, "the candidates are exported");
            assertEquals(row.getLiteral("n").getInt(), row.getLiteral("m").getInt(), "each marked as a candidate");
        }
    }

    @Test
    void validateListsThemApartAndDoesNotFailBecauseOfThem() {
        CliRun seeds = CliRun.in(TestProject.REPO, "validate");
        CliRun text = CliRun.in(project.home(), "validate");
        assertEquals(seeds.exitCode(), text.exitCode(), "the candidates change nothing in the outcome: " + text.err());
        String[] parts = text.out().split("# \\d+ candidate\\(s\\) from ingest[^\\n]*\\n", 2);
        assertEquals(2, parts.length, "the candidates have their own section: " + text.out());
        assertEquals(withoutPlaces(seeds.out()), withoutPlaces(parts[0]), "the findings that count are the seeds' own, none on a candidate");
        assertTrue(parts[1].contains("claim:005-") && parts[1].contains("[candidate]") && parts[1].contains("[unreviewed]"),
                "each candidate listed apart with its findings: " + parts[1]);
        assertFalse(parts[1].lines().anyMatch(l -> !l.contains("claim:005-")), "only candidates there: " + parts[1]);
        assertEquals(seeds.err().strip() + "; 2 candidate(s) listed apart", text.err().strip(), "the summary counts the seeds' findings only");

        CliRun none = CliRun.in(project.home(), "validate", "--rule", "vague-citation", "--fail-on", "info");
        CliRun seedsNone = CliRun.in(TestProject.REPO, "validate", "--rule", "vague-citation", "--fail-on", "info");
        assertEquals(seedsNone.exitCode(), none.exitCode(), "a candidate's vague appeal ('experts believe') fails no run: " + none.out());
        assertTrue(none.out().contains("[candidate]"), "still listed apart with --rule: " + none.out());

        CliRun json = CliRun.in(project.home(), "validate", "--format", "json");
        assertEquals(seeds.exitCode(), json.exitCode(), json.err());
        assertTrue(json.out().contains("\"candidates\""), json.out());
    }

    @Test
    void namedQueriesLeaveThemOutUnlessAsked() {
        CliRun without = CliRun.in(project.home(), "query", "claims-per-document", "--format", "tsv");
        CliRun with = CliRun.in(project.home(), "query", "claims-per-document", "--format", "tsv", "--param", "includeCandidates=true");
        assertEquals(0, without.exitCode(), without.err());
        assertEquals(0, with.exitCode(), with.err());
        String row = without.out().lines().filter(l -> l.contains(document)).findFirst().orElseThrow();
        assertTrue(row.endsWith("\t0"), "no claims counted for a document of candidates: " + row);
        String asked = with.out().lines().filter(l -> l.contains(document)).findFirst().orElseThrow();
        assertFalse(asked.endsWith("\t0"), "with includeCandidates=true they count: " + asked);

        CliRun about = CliRun.in(project.home(), "query", "claims-about", "--param", "concept=concept:cortisol", "--format", "csv");
        assertFalse(about.out().contains("claim/005-"), about.out());
        CliRun aboutAll = CliRun.in(project.home(), "query", "claims-about", "--param", "concept=concept:cortisol",
                "--param", "includeCandidates=true", "--format", "csv");
        assertTrue(aboutAll.out().contains("claim/005-"), aboutAll.out());
    }

    @Test
    void documentsByUnsupportedShareCountsThemOnlyWhenAsked() {
        CliRun without = CliRun.in(project.home(), "query", "documents-by-unsupported-share", "--format", "tsv");
        assertEquals(0, without.exitCode(), without.err());
        assertFalse(without.out().contains(document), "a document of candidates alone has no claims to rank: " + without.out());

        CliRun with = CliRun.in(project.home(), "query", "documents-by-unsupported-share", "--format", "tsv", "--param", "includeCandidates=true");
        assertEquals(0, with.exitCode(), with.err());
        String[] row = with.out().lines().filter(l -> l.contains(document)).findFirst().orElseThrow(() -> new AssertionError(with.out())).split("\t");
        String counted = CliRun.in(project.home(), "query", "claims-per-document", "--format", "tsv", "--param", "includeCandidates=true")
                .out().lines().filter(l -> l.contains(document)).findFirst().orElseThrow();
        assertEquals(counted.substring(counted.lastIndexOf('\t') + 1), row[3], "its claims, as claims-per-document counts them");
        CliRun unsupported = CliRun.in(project.home(), "query", "unsupported-claims", "--format", "csv", "--param", "includeWeak=false",
                "--param", "includeCandidates=true", "--param", "document=https://w3id.org/claimgraph/id/document/" + document);
        assertEquals(0, unsupported.exitCode(), unsupported.err());
        assertEquals(String.valueOf(unsupported.out().lines().count() - 1), row[4], "its unsupported claims, as unsupported-claims lists them");
        assertTrue(Integer.parseInt(row[3]) > 0, with.out());
    }

    /** The findings without where their files are (the two homes are in different places). */
    private static java.util.List<String> withoutPlaces(String report) {
        return report.lines().map(l -> l.substring(Math.max(0, l.indexOf(" claim:")))).toList();
    }
}
