package org.w3id.claimgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.query.QueryLibrary;
import org.w3id.claimgraph.store.TdbStore;

/** The benchmark end to end on a small corpus: the report's structure and the counts behind it, never its timings. */
class BenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void aSmallRunWritesTheTableWithEveryBaselineAndRatio() throws Exception {
        Path out = dir.resolve("BENCHMARKS.md");
        Path rules = dir.resolve("rules.ttl");
        Files.writeString(rules, """
                @prefix cg: <https://w3id.org/claimgraph/ontology#> .
                @prefix sh: <http://www.w3.org/ns/shacl#> .
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                <http://example.org/rules> sh:declare [ sh:prefix "cg" ; sh:namespace "https://w3id.org/claimgraph/ontology#"^^xsd:anyURI ] .
                <http://example.org/rules/overstated> a cg:Rule , sh:NodeShape ;
                    skos:notation "overstated" ; cg:rank 1 ; skos:prefLabel "overstated" ; skos:definition "Asserted outright, graded very low." ;
                    sh:severity sh:Warning ; sh:targetClass cg:Claim ;
                    sh:sparql [ sh:message "Asserted outright at a very low grade." ; sh:prefixes <http://example.org/rules> ;
                                sh:select "SELECT $this WHERE { $this cg:hedged false ; cg:grade cg:GradeVeryLow }" ] .
                """);
        ProjectLayout repo = ProjectLayout.locate();
        Benchmark.Settings settings = new Benchmark.Settings(List.of(2000L), 3, dir.resolve("work"), out, 1, Duration.ofMillis(1),
                TdbStore.Loader.BASIC, rules, null, "./claimgraph bench --claims 2000", false, Duration.ofSeconds(60), Duration.ofSeconds(60));
        List<Benchmark.SizeResult> results = new Benchmark(repo, settings, line -> {}).run();

        assertEquals(1, results.size());
        Benchmark.SizeResult r = results.get(0);
        assertEquals(2000, r.claims());
        assertTrue(r.quads() > 2000 * 20, "quads: " + r.quads());
        assertEquals(1, r.rules().size());
        assertTrue(r.rules().get(0).findings() > 0, "the generated corpus has overstated claims");
        assertTrue(r.claimTriples() > 2000 * 20 && r.claimTriples() < r.quads());
        int namedQueries = QueryLibrary.load(repo).all().size();
        assertEquals(namedQueries, r.queries().size());
        Benchmark.QueryResult summary = r.queries().stream().filter(q -> q.name().equals("graph-summary")).findFirst().orElseThrow();
        assertEquals(1, summary.rows());
        assertEquals(1, summary.oneClient().samples());
        assertEquals(8, summary.eightClients().samples(), "one request from each of eight clients");

        String md = Files.readString(out);
        assertTrue(md.startsWith("# Benchmarks\n\nProduced by `./claimgraph bench --claims 2000` on "), md);
        assertTrue(md.contains("| claims | documents | quads | build (claims/s) | RIOT parse (quads/s) | TDB2 load (quads/s) | load ÷ RIOT |"));
        assertTrue(md.contains("\n| 2,000 | "), md);
        assertEquals(namedQueries, md.lines().filter(l -> l.matches("\\| [a-z-]+ \\| [0-9,]+ \\| .*")).count(), md);
        assertTrue(md.contains("| 2,000 | overstated | " + String.format("%,d", r.rules().get(0).findings()) + " |"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| graph-summary | 1 | ") && l.split("\\|").length == 9), md);
        try (var left = Files.list(dir.resolve("work"))) {
            assertEquals(List.of(), left.toList(), "the corpus, N-Quads and database are removed");
        }
    }
}
