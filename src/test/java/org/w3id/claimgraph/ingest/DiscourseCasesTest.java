package org.w3id.claimgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3id.claimgraph.project.ProjectLayout;

/**
 * The cases of {@code ingest/discourse-cases.txt}: short texts and the candidates they must (=>) or must not (!>)
 * give, one dynamic test each, with the repository's lexicons and concepts.
 */
class DiscourseCasesTest {
    private static IngestPipeline pipeline;

    @BeforeAll
    static void load() {
        ProjectLayout repo = ProjectLayout.locate();
        pipeline = new IngestPipeline(Lexicon.load(Ingest.lexiconDir(repo)), ConceptIndex.load(repo.conceptsDir()), Map.of());
    }

    /** One case: what it shows, its text, and the claims expected and ruled out ("subject relation object"). */
    record Case(String name, String text, List<String> expected, List<String> ruledOut) {}

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        return read().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Case c) {
        List<String> found = new ArrayList<>();
        for (Candidate k : pipeline.run("042", c.text()).candidates()) {
            found.add(local(k.subject()) + " " + local(k.relation()) + " " + local(k.object()));
        }
        for (String e : c.expected()) assertTrue(found.stream().anyMatch(f -> matches(e, f)), "expected " + e + " in " + found);
        for (String e : c.ruledOut()) assertFalse(found.stream().anyMatch(f -> matches(e, f)), "did not expect " + e + " in " + found);
    }

    private static boolean matches(String pattern, String claim) {
        String[] p = pattern.split(" ");
        String[] c = claim.split(" ");
        return p[0].equals(c[0]) && (p[1].equals("*") || p[1].equals(c[1])) && p[2].equals(c[2]);
    }

    private static String local(String iri) {
        return iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    }

    static List<Case> read() throws IOException {
        String manifest;
        try (InputStream in = DiscourseCasesTest.class.getResourceAsStream("/ingest/discourse-cases.txt")) {
            manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> out = new ArrayList<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        List<String> ruledOut = new ArrayList<>();
        for (String line : (manifest + "\n## end").split("\n")) {
            if (line.startsWith("## ")) {
                if (name != null) out.add(new Case(name, text.toString(), List.copyOf(expected), List.copyOf(ruledOut)));
                name = line.substring(3).trim();
                text.setLength(0);
                expected.clear();
                ruledOut.clear();
            } else if (line.startsWith("=> ")) {
                expected.add(line.substring(3).trim());
            } else if (line.startsWith("!> ")) {
                ruledOut.add(line.substring(3).trim());
            } else if (name != null && !line.startsWith("#") && !line.isBlank()) {
                text.append(line).append('\n');
            }
        }
        if (out.size() < 10) throw new IllegalStateException("discourse-cases.txt: only " + out.size() + " cases read");
        return out;
    }
}
