package org.w3id.claimgraph.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.query.QueryFixture;

/**
 * Pins what validate finds in the curated seed graph, so that a change of rules or data that alters
 * the findings is noticed and reviewed. The pinned list is src/test/resources/validate/seed-findings.txt:
 * one "claim rule" line per finding, sorted. After a deliberate change, regenerate it with
 * <pre>
 * mvn -q -B test -Dtest=SeedFindingsTest -Dclaimgraph.repin=true
 * </pre>
 * and review the diff.
 */
class SeedFindingsTest {
    static final Path PINNED = Path.of("src/test/resources/validate/seed-findings.txt");
    static final String HEADER = """
            # The findings of `./claimgraph validate` on the seed graph: one "claim rule" line per finding, sorted.
            # Pinned by SeedFindingsTest. After a deliberate change to rules or seeds, regenerate and review the diff:
            #   mvn -q -B test -Dtest=SeedFindingsTest -Dclaimgraph.repin=true
            """;

    @Test
    void theSeedGraphGivesThePinnedFindings() throws IOException {
        ProjectLayout layout = ProjectLayout.locate();
        Validator validator = Validator.load(layout);
        GraphSource seeds = GraphSource.of(QueryFixture.seeds(), "seed graph");
        List<Finding> findings = validator.validate(seeds, RuleEngine.Kind.SHACL, validator.rules().all());
        List<String> actual = new ArrayList<>(findings.stream().map(f -> f.claimId() + " " + f.rule()).sorted().toList());
        assertEquals(findings, validator.validate(seeds, RuleEngine.Kind.SPARQL, validator.rules().all()), "both engines agree on the seeds");

        Path pinned = layout.home().resolve(PINNED);
        if (Boolean.getBoolean("claimgraph.repin")) {
            Files.writeString(pinned, HEADER + String.join("\n", actual) + (actual.isEmpty() ? "" : "\n"), StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(pinned, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals(String.join("\n", expected), String.join("\n", actual),
                "the seed graph's findings changed; if that is intended, regenerate " + PINNED
                        + " with: mvn -q -B test -Dtest=SeedFindingsTest -Dclaimgraph.repin=true");
    }
}
