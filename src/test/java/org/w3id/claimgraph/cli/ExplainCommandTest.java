package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;

/** `claimgraph explain CLAIM` on the fixture project. */
class ExplainCommandTest {
    @TempDir
    static Path home;

    @BeforeAll
    static void setUp() {
        TestProject.validationFixture(home);
    }

    @Test
    void explainsAClaimInWordsWithItsEvidenceGradeAndEveryRule() {
        CliRun run = CliRun.in(home, "explain", "902-001");
        assertEquals(0, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.startsWith("claim:902-001  <https://w3id.org/claimgraph/id/claim/902-001>"), out);
        assertTrue(out.contains("says       magnesium \u2014 cofactor of \u2192 serotonin synthesis"), out);
        assertTrue(out.contains("quote      \"Magnesium is a cofactor of serotonin synthesis.\""), out);
        assertTrue(out.contains("document   How Magnesium Works (educational article)"), out);
        assertTrue(out.contains("seeds/claims/902_article.ttl:12"), out);
        assertTrue(out.contains("grade      very low \u2014 derived from the evidence"), out);
        assertTrue(out.contains("review     2026-11-30: evidence found; searched PubMed (fixture)"), out);
        assertTrue(out.contains("derivation (ontology/grading.ttl)\n  starts very low: nothing that counts supports it"
                + " (set aside: the article's own word (a non-traceable author statement))\n  = very low\n"), out);
        assertTrue(out.contains("disputes  curator inference"), out);
        assertTrue(out.contains("\u201CTryptophan 5-monooxygenase (enzyme entry)\u201D [reference text or consensus statement]"), out);
        assertTrue(out.contains("note: The enzyme needs iron, tetrahydrobiopterin and oxygen; magnesium is not its cofactor."), out);
        assertTrue(out.contains("counts: high on its own"), out);
        assertTrue(out.contains("rules (3 finding(s))"), out);
        assertTrue(out.contains("  violation  disputed                Disputed by"), out);
        assertTrue(out.contains("  ok         dose-above-upper-limit"), out);
        long ruleLines = out.lines().dropWhile(l -> !l.startsWith("rules")).skip(1).count();
        assertTrue(out.contains("  ok         candidate"), out);
        assertEquals(11, ruleLines, out);
    }

    @Test
    void showsTheDerivationStepByStepAndAnOverrideWithItsReason() {
        String out = CliRun.in(home, "explain", "902-005").out();
        assertTrue(out.contains("grade      high \u2014 a curator's override (derived: low): Graded as if the trial were large."), out);
        assertTrue(out.contains("""
                derivation (ontology/grading.ttl)
                  starts high: randomized controlled trial (A small placebo-controlled trial)
                  \u22122 imprecision: 34 participants (fewer than 100)
                  = low  (rests on claim:902-005/evidence/"""), out);
        String negated = CliRun.in(home, "explain", "901-001").out();
        assertTrue(negated.contains("review     none recorded: not yet checked against the literature"), negated);
        assertTrue(negated.contains("set aside: manufacturer's data never raises a grade"), negated);
    }

    @Test
    void acceptsAnIriAPrefixedNameOrAShortId() {
        String byId = CliRun.in(home, "explain", "903-004").out();
        assertEquals(byId, CliRun.in(home, "explain", "claim:903-004").out());
        assertEquals(byId, CliRun.in(home, "explain", "https://w3id.org/claimgraph/id/claim/903-004").out());
        assertTrue(byId.contains("dose       2800 mg/day of calcium (total intake)"), byId);
        assertTrue(byId.contains("warning    dose-above-upper-limit  States up to 2800 mg/day"), byId);
    }

    @Test
    void anUnknownClaimIsAnInputError() {
        CliRun run = CliRun.in(home, "explain", "999-001");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no claim https://w3id.org/claimgraph/id/claim/999-001"), run.err());
        assertEquals(2, CliRun.in(home, "explain", "not a claim").exitCode());
    }
}
