package org.w3id.claimgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.project.InputException;
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
                TdbStore.Loader.BASIC, rules, null, "./claimgraph bench --claims 2000", false, Duration.ofSeconds(60), Duration.ofSeconds(60),
                // Two tabs at once, not the command's eight: the same code, and a shorter test on two processors.
                new Benchmark.PageSettings(1, 2, Duration.ofSeconds(60), List.of("-Xmx1g"), "org.w3id.claimgraph.cli.Main", null));
        List<Benchmark.SizeResult> results = new Benchmark(repo, settings, line -> {}).run();

        assertEquals(1, results.size());
        Benchmark.SizeResult r = results.get(0);
        assertEquals(2000, r.claims());
        assertTrue(r.quads() > 2000 * 20, "quads: " + r.quads());
        assertEquals(1, r.rules().size());
        assertTrue(r.rules().get(0).findings() > 0, "the generated corpus has overstated claims");
        assertTrue(r.claimTriples() > 2000 * 20 && r.claimTriples() < r.quads());
        assertTrue(r.phasesSeconds() > 0, "the build phases are timed, and the whole load counts them");
        int namedQueries = QueryLibrary.load(repo).all().size();
        assertEquals(namedQueries, r.queries().size());
        Benchmark.QueryResult summary = r.queries().stream().filter(q -> q.name().equals("graph-summary")).findFirst().orElseThrow();
        assertEquals(1, summary.rows());
        assertEquals(1, summary.oneClient().samples());
        assertEquals(8, summary.eightClients().samples(), "one request from each of eight clients");

        String md = Files.readString(out);
        assertTrue(md.startsWith("# Benchmarks\n\nProduced by `./claimgraph bench --claims 2000` on "), md);
        assertTrue(md.contains("| claims | documents | quads | build (claims/s) | RIOT parse (quads/s) | TDB2 load (quads/s) | load ÷ RIOT |"
                + " build phases (s) | whole load (quads/s) | whole load ÷ RIOT |"), md);
        assertTrue(md.contains("\n| 2,000 | "), md);
        assertEquals(namedQueries, md.lines().filter(l -> l.matches("\\| [a-z-]+ \\| [0-9,]+ \\| .*")).count(), md);
        assertTrue(md.contains("| 2,000 | overstated | " + String.format("%,d", r.rules().get(0).findings()) + " |"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| graph-summary | 1 | ") && l.split("\\|").length == 9), md);

        // Every explorer page, opened in a real browser at one client and in two tabs at once, none failed.
        List<String> pages = List.of("home", "claims", "claims, 1 filter", "claims, 2 filters", "search", "claim", "document", "concept", "matrix",
                "documents", "concepts");
        assertEquals(pages, r.pages().rows().stream().map(row -> row.page().name()).toList());
        for (PageBench.Row row : r.pages().rows()) {
            assertEquals(1, row.oneClient().samples(), row.toString());
            assertEquals(2, row.concurrent().samples(), row.toString());
            assertEquals(0, row.oneClient().errors() + row.concurrent().errors(), row.toString());
            assertTrue(row.oneClient().p50() > 0 && row.concurrent().p99() >= row.concurrent().p50(), row.toString());
            assertNull(row.baselineOne(), "no baseline was asked for");
        }
        // The addresses carry values of the generated corpus, found by SPARQL.
        Map<String, String> paths = r.pages().rows().stream().collect(Collectors.toMap(row -> row.page().name(), row -> row.page().path()));
        assertTrue(paths.get("claims, 2 filters").matches("/claims\\?grade=cg:Grade\\w+&form=concept:[\\w-]+"), paths.toString());
        assertTrue(paths.get("search").matches("/claims\\?q=\\p{L}+"), paths.toString());
        assertTrue(paths.get("claim").startsWith("/id/claim/g") && paths.get("document").startsWith("/id/document/g"), paths.toString());
        // The concept page is a mineral's (the one with the most claims: the largest concept page).
        String concept = paths.get("concept").replaceFirst("^/id/concept/", "concept:");
        assertTrue(Files.readString(ProjectLayout.locate().seedsDir().resolve("concepts/minerals-and-forms.ttl"))
                .contains("\n" + concept + " a cg:Mineral ;"), paths.toString());
        String section = md.substring(md.indexOf("\n## Explorer pages in a browser\n"));
        assertEquals(pages.size(), section.lines().filter(l -> l.matches("\\| [a-z0-9, ]+ \\| `/[^`]*` \\| [0-9.,]+ / [0-9.,]+ \\| [0-9.,]+ / [0-9.,]+ \\| 1 / 2 \\| 0 / 0 \\|")).count(), section);

        try (var left = Files.list(dir.resolve("work"))) {
            assertEquals(List.of(), left.toList(), "the corpus, N-Quads and database are removed");
        }
    }

    /** Without the browser tools bench stops before it measures anything, saying what is missing and how to install it. */
    @Test
    void withoutTheBrowserToolsBenchStopsAtOnceAndSaysWhatIsMissing() {
        ProjectLayout elsewhere = new ProjectLayout(dir);
        Benchmark.Settings settings = new Benchmark.Settings(List.of(2000L), 3, dir.resolve("work"), dir.resolve("BENCHMARKS.md"), 1, Duration.ofMillis(1),
                TdbStore.Loader.BASIC, null, null, "./claimgraph bench --claims 2000", false, Duration.ofSeconds(60), Duration.ofSeconds(60),
                new Benchmark.PageSettings(1, 8, Duration.ofSeconds(60), List.of(), "org.w3id.claimgraph.cli.Main", null));
        InputException e = assertThrows(InputException.class, () -> new Benchmark(elsewhere, settings, line -> {}).run());
        assertTrue(e.getMessage().contains("src/test/browser/pages.bench.mjs") && e.getMessage().contains("mvn verify")
                && e.getMessage().contains("--no-pages"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("work")), "nothing was generated");
        assertFalse(Files.exists(dir.resolve("BENCHMARKS.md")), "nothing was written");

        InputException notABuild = assertThrows(InputException.class, () -> new Benchmark(ProjectLayout.locate(),
                withPages(settings, new Benchmark.PageSettings(1, 8, Duration.ofSeconds(60), List.of(), "org.w3id.claimgraph.cli.Main", dir.resolve("old.jar"))),
                line -> {}).run());
        assertTrue(notABuild.getMessage().startsWith("--baseline-jar " + dir.resolve("old.jar") + ": not the runnable jar of another claimgraph checkout's build"),
                notABuild.getMessage());
        assertFalse(Files.exists(dir.resolve("work")), "nothing was generated");
    }

    /** With --no-pages the report says the pages were not measured, rather than leaving their section out. */
    @Test
    void withoutPagesTheReportSaysTheyWereNotMeasured() {
        Benchmark.Settings settings = new Benchmark.Settings(List.of(1000L), 3, dir.resolve("work"), dir.resolve("BENCHMARKS.md"), 1, Duration.ofMillis(1),
                TdbStore.Loader.BASIC, null, null, "./claimgraph bench --claims 1000 --no-pages", false, Duration.ofSeconds(60), Duration.ofSeconds(60), null);
        String md = BenchReport.render(settings, Machine.current(), List.of());
        assertTrue(md.contains("\n## Explorer pages in a browser\n\nNot measured: the run was made with `--no-pages`.\n"), md);
    }

    private static Benchmark.Settings withPages(Benchmark.Settings s, Benchmark.PageSettings pages) {
        return new Benchmark.Settings(s.sizes(), s.seed(), s.work(), s.out(), s.samples(), s.budget(), s.loader(), s.rulesFile(), s.discussion(),
                s.command(), s.keep(), s.queryTimeout(), s.ruleTimeout(), pages);
    }
}
