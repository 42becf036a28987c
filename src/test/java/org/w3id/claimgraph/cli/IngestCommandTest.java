package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.project.Sha256;
import org.w3id.claimgraph.build.SourceText;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;

/** `./claimgraph ingest`: what it writes, that `check` passes right after it, and what it refuses. */
class IngestCommandTest {
    private static final String CG = "https://w3id.org/claimgraph/ontology#";
    private static final String ARTICLE = """
            Magnesium and Sleep

            Magnesium improves sleep quality in older adults. Magnesium reduces cortisol.
            Magnesium improves sleep quality in older adults.
            Cortisol is lowered by magnesium, and a study published in Nutrients in 2014 agrees.
            Calcium does not directly cause anxiety (doi:10.1234/abc.5678).
            Spinach is a source of magnesium; take 200-400 mg daily.
            The zorblax pathway reduces glimmering.
            """;

    @TempDir
    Path dir;

    private static List<Path> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d)) {
            return s.sorted().toList();
        }
    }

    @Test
    void writesTextMetadataAndCandidatesThatCheckPasses() throws IOException {
        TestProject project = TestProject.copyOfSeeds(dir.resolve("home"));
        Path article = Files.writeString(dir.resolve("article.txt"), ARTICLE, StandardCharsets.UTF_8);

        CliRun run = CliRun.in(project.home(), "ingest", article.toString(), "--title", "Sleep", "--genre", "educational",
                "--published", "2024-05-01", "--url", "https://example.org/sleep");
        assertEquals(0, run.exitCode(), run.err());
        String id = "005_" + Sha256.hex(ARTICLE.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        assertTrue(run.out().contains("as document " + id), run.out());

        Path text = project.path("seeds/documents/" + id + ".txt");
        assertEquals(ARTICLE, Files.readString(text, StandardCharsets.UTF_8), "the text is written byte for byte");
        Graph metadata = RDFDataMgr.loadGraph(project.path("seeds/documents/" + id + ".ttl").toString());
        assertTrue(metadata.contains(Node.ANY, NodeFactory.createURI(CG + "sha256"),
                NodeFactory.createLiteralString(Sha256.hex(Files.readAllBytes(text)))));
        assertTrue(metadata.contains(Node.ANY, NodeFactory.createURI(CG + "genre"), NodeFactory.createURI(CG + "EducationalArticle")));

        Graph claims = RDFDataMgr.loadGraph(project.path("seeds/claims/" + id + ".ttl").toString());
        long total = claims.find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(CG + "Claim")).toList().size();
        long candidates = claims.find(Node.ANY, NodeFactory.createURI(CG + "status"), NodeFactory.createURI(CG + "Candidate")).toList().size();
        assertTrue(total >= 5, "candidates found: " + total);
        assertEquals(total, candidates, "every claim is marked as a candidate");
        assertTrue(run.out().contains("zorblax pathway"), "the sentence with no known concept is reported: " + run.out());

        String references = Files.readString(project.path("seeds/references.ttl"), StandardCharsets.UTF_8);
        assertTrue(references.contains("\"10.1234/abc.5678\""), "a DOI makes a reference node");
        assertTrue(references.contains("published in Nutrients"), "a named journal makes an untraceable reference");

        CliRun check = CliRun.in(project.home(), "check");
        assertEquals(0, check.exitCode(), "check passes right after ingest: " + check.err());
    }

    @Test
    void refusesTheSameTextTwiceAndWritesNothing() throws IOException {
        TestProject project = TestProject.copyOfSeeds(dir.resolve("home"));
        Path article = Files.writeString(dir.resolve("a.txt"), ARTICLE, StandardCharsets.UTF_8);
        assertEquals(0, CliRun.in(project.home(), "ingest", article.toString()).exitCode());
        List<Path> before = listing(project.path("seeds"));
        String references = Files.readString(project.path("seeds/references.ttl"));

        CliRun again = CliRun.in(project.home(), "ingest", Files.writeString(dir.resolve("copy.txt"), ARTICLE).toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already in the project as document 005_"), again.err());
        assertEquals(before, listing(project.path("seeds")));
        assertEquals(references, Files.readString(project.path("seeds/references.ttl")));
    }

    @Test
    void extractsTheMainTextOfHtml() throws IOException {
        TestProject project = TestProject.copyOfSeeds(dir.resolve("home"));
        Path page = Files.writeString(dir.resolve("page.html"), """
                <!DOCTYPE html><html><head><title>Magnesium facts</title><script>var x = "magnesium reduces anxiety";</script></head>
                <body><nav><a href="/">Home</a> | Shop magnesium</nav>
                <article><h1>Magnesium facts</h1><p>Magnesium reduces   anxiety.</p>
                <ul><li>Magnesium improves sleep quality.</li><li>Calcium supports bone health.</li></ul></article>
                <footer>© 2024 Example</footer></body></html>
                """, StandardCharsets.UTF_8);
        CliRun run = CliRun.in(project.home(), "ingest", page.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path text;
        try (Stream<Path> s = Files.list(project.path("seeds/documents"))) {
            text = s.filter(p -> p.getFileName().toString().startsWith("005_") && p.toString().endsWith(".txt")).findFirst().orElseThrow();
        }
        assertEquals("Magnesium facts\n\nMagnesium reduces anxiety.\n\n  • Magnesium improves sleep quality.\n  • Calcium supports bone health.\n",
                Files.readString(text, StandardCharsets.UTF_8));
        String metadata = Files.readString(text.resolveSibling(text.getFileName().toString().replace(".txt", ".ttl")));
        assertTrue(metadata.contains("dcterms:title \"Magnesium facts\""), "the page title is the default title");
        assertEquals(0, CliRun.in(project.home(), "check").exitCode());
    }

    @Test
    void badInputIsAClearErrorAndWritesNothing() throws IOException {
        TestProject project = TestProject.copyOfSeeds(dir.resolve("home"));
        List<Path> before = listing(project.path("seeds"));
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        Path binary = Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "Magnesium r\u00e9duit le stress.".getBytes(StandardCharsets.ISO_8859_1));
        Path blank = Files.writeString(dir.resolve("blank.txt"), "  \n\n \t\n");
        Path emptyHtml = Files.writeString(dir.resolve("empty.html"), "<html><body><nav>Menu</nav></body></html>");
        Path missing = dir.resolve("missing.txt");
        Path folder = Files.createDirectories(dir.resolve("folder"));
        for (Object[] c : new Object[][] {
                {empty, "is empty"}, {binary, "binary"}, {latin1, "not valid UTF-8"}, {blank, "no text"},
                {emptyHtml, "no main text"}, {missing, "no such file"}, {folder, "is a directory"}}) {
            CliRun run = CliRun.in(project.home(), "ingest", c[0].toString());
            assertEquals(2, run.exitCode(), c[0] + ": " + run.err());
            assertTrue(run.err().contains(c[0].toString()) && run.err().contains((String) c[1]), run.err());
        }
        CliRun badDate = CliRun.in(project.home(), "ingest", Files.writeString(dir.resolve("ok.txt"), ARTICLE).toString(), "--published", "May 2024");
        assertEquals(2, badDate.exitCode());
        CliRun badGenre = CliRun.in(project.home(), "ingest", dir.resolve("ok.txt").toString(), "--genre", "blog");
        assertEquals(2, badGenre.exitCode());
        assertTrue(badGenre.err().contains("vendor-page"), badGenre.err());
        assertEquals(before, listing(project.path("seeds")), "nothing was written");
        assertFalse(Files.exists(project.path("seeds/claims/005_x.ttl")));
    }
}
