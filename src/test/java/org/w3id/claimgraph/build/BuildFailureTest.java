package org.w3id.claimgraph.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.support.TestProject;
import org.w3id.claimgraph.project.BuildFailure;
import org.w3id.claimgraph.project.BuildProblem;

/** Each way the seeds can be broken is refused, and the message points at the right place. */
class BuildFailureTest {
    static final String CLAIMS = "seeds/claims/003_497fb625f584bf77.ttl";
    static final String CLAIM_1 = "https://w3id.org/claimgraph/id/claim/003-001";
    static final String CLAIM_2 = "https://w3id.org/claimgraph/id/claim/003-002";

    @TempDir
    Path dir;

    private List<BuildProblem> failures(TestProject project) {
        BuildFailure failure = assertThrows(BuildFailure.class, () -> GraphBuild.create().layout(project.layout()).build());
        return failure.problems();
    }

    private static BuildProblem only(List<BuildProblem> problems) {
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        return problems.get(0);
    }

    @Test
    void theFixtureBuilds() {
        var ds = GraphBuild.create().layout(TestProject.minimal(dir).layout()).build();
        assertTrue(ds.containsNamedModel("https://w3id.org/claimgraph/id/graph/document/003_497fb625f584bf77"));
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() {
        TestProject p = TestProject.minimal(dir).replace(CLAIMS, "cg:hedged false ;\n    cg:curatorGrade cg:GradeModerate ;\n    cg:overrideReason \"A narrative",
                "cg:hedged false ;\n    cg:curatorGrade cg:GradeModerate ;;; ]\n    cg:overrideReason \"A narrative");
        BuildProblem problem = failures(p).get(0);
        assertEquals(CLAIMS, problem.file());
        assertEquals(12, problem.line());
        assertTrue(problem.column() > 0);
    }

    @Test
    void badIriIsAnErrorNotAWarning() {
        TestProject p = TestProject.minimal(dir).replace("seeds/concepts/concepts.ttl",
                "<http://purl.obolibrary.org/obo/CHEBI_18420>", "<http://purl.obolibrary.org/obo/CHEBI 18420>");
        BuildProblem problem = failures(p).get(0);
        assertEquals("seeds/concepts/concepts.ttl", problem.file());
        assertEquals(7, problem.line());
        assertTrue(problem.message().contains("IRI"), problem.message());
    }

    @Test
    void badLiteralIsAnErrorNotAWarning() {
        TestProject p = TestProject.minimal(dir).replace(CLAIMS, "cg:hedged false ;", "cg:hedged \"perhaps\"^^<http://www.w3.org/2001/XMLSchema#boolean> ;");
        BuildProblem problem = failures(p).get(0);
        assertEquals(CLAIMS, problem.file());
        assertEquals(11, problem.line());
        assertTrue(problem.message().contains("perhaps"), problem.message());
    }

    @Test
    void alteredQuoteNamesClaimFileAndLine() {
        TestProject p = TestProject.minimal(dir).replace(CLAIMS, "required for Vitamin D", "required for vitamin D");
        BuildProblem problem = only(failures(p));
        assertEquals(CLAIMS, problem.file());
        assertEquals(CLAIM_1, problem.node());
        assertEquals(10, problem.line());
        assertTrue(problem.message().startsWith("quote not found"), problem.message());
    }

    @Test
    void ambiguousQuoteWithoutHintIsRefused() {
        TestProject p = TestProject.minimal(dir).replace(CLAIMS,
                "[ oa:exact \"magnesium is necessary for muscle relaxation\" ; oa:suffix \", ensuring\" ]", "\"Magnesium\"");
        BuildProblem problem = only(failures(p));
        assertEquals(CLAIM_2, problem.node());
        assertTrue(problem.message().startsWith("quote is ambiguous: it occurs"), problem.message());
        assertEquals(18, problem.line());
    }

    @Test
    void hintThatMatchesNoOccurrenceIsRefused() {
        TestProject p = TestProject.minimal(dir).replace(CLAIMS, "oa:suffix \", ensuring\"", "oa:suffix \", never\"");
        BuildProblem problem = only(failures(p));
        assertEquals(CLAIM_2, problem.node());
        assertTrue(problem.message().contains("never with the given oa:suffix"), problem.message());
    }

    @Test
    void checksumMismatchNamesTheMetadataFile() {
        TestProject p = TestProject.minimal(dir).replace("seeds/documents/003_497fb625f584bf77.txt",
                "Calcium and magnesium are two essential minerals", "Calcium and magnesium are two ESSENTIAL minerals");
        List<BuildProblem> problems = failures(p);
        BuildProblem problem = problems.get(0);
        assertEquals("seeds/documents/003_497fb625f584bf77.ttl", problem.file());
        assertTrue(problem.line() > 0);
        assertTrue(problem.message().startsWith("checksum mismatch"), problem.message());
    }

    @Test
    void shapeViolationNamesClaimAndFile() {
        TestProject p = TestProject.minimal(dir).replace(CLAIMS, "    cg:curatorGrade cg:GradeModerate ;\n    cg:overrideReason \"A narrative review and one trial support it; part of the case is inferential.\" ;\n",
                "    cg:curatorGrade cg:GradeModerate ;\n");
        BuildProblem problem = only(failures(p));
        assertEquals(CLAIMS, problem.file());
        assertEquals(CLAIM_1, problem.node());
        assertEquals(8, problem.line());
        assertTrue(problem.message().contains("needs a written reason"), problem.message());
    }

    @Test
    void aHandTypedGradeIsRefusedAndTheMessageSaysHowToOverride() {
        TestProject p = TestProject.minimal(dir).replace(CLAIMS, "    cg:curatorGrade cg:GradeModerate ;\n    cg:overrideReason \"A narrative review and one trial support it; part of the case is inferential.\" ;\n",
                "    cg:grade cg:GradeModerate ;\n");
        BuildProblem problem = only(failures(p));
        assertEquals(CLAIMS, problem.file());
        assertEquals(CLAIM_1, problem.node());
        assertEquals(8, problem.line());
        assertTrue(problem.message().contains("grade is derived by the build, not curated"), problem.message());
        assertTrue(problem.message().contains("cg:curatorGrade with cg:overrideReason"), problem.message());
    }

    @Test
    void twoCuratorGradesForOneAssertionNameTheSecondClaim() {
        TestProject p = TestProject.minimal(dir)
                .replace(CLAIMS, "cg:object concept:muscle-relaxation", "cg:object concept:vitamin-d-activation")
                .replace(CLAIMS, "    cg:curatorGrade cg:GradeModerate ;\n    cg:overrideReason \"Established", "    cg:curatorGrade cg:GradeHigh ;\n    cg:overrideReason \"Established");
        BuildProblem problem = only(failures(p));
        assertEquals(CLAIMS, problem.file());
        assertEquals(CLAIM_2, problem.node());
        assertEquals(16, problem.line());
        assertTrue(problem.message().contains("assert the same thing but set different curator grades"), problem.message());
    }

    @Test
    void unknownRelationViolatesTheRelationScheme() {
        TestProject p = TestProject.minimal(dir).replace(CLAIMS, "cg:relation cg:requiredFor ; cg:object concept:vitamin-d-activation",
                "cg:relation cg:cures ; cg:object concept:vitamin-d-activation");
        BuildProblem problem = only(failures(p));
        assertEquals(CLAIM_1, problem.node());
        assertTrue(problem.message().contains("relation"), problem.message());
    }

    @Test
    void claimIriMustMatchItsDocument() {
        TestProject p = TestProject.minimal(dir).replace(CLAIMS, "claim:003-002 a cg:Claim", "claim:004-002 a cg:Claim");
        BuildProblem problem = only(failures(p));
        assertEquals("https://w3id.org/claimgraph/id/claim/004-002", problem.node());
        assertTrue(problem.message().contains("must start with https://w3id.org/claimgraph/id/claim/003-"), problem.message());
    }

    @Test
    void documentIdentifierMustBeItsFileName() {
        TestProject p = TestProject.minimal(dir).replace("seeds/documents/003_497fb625f584bf77.ttl",
                "dcterms:identifier \"003_497fb625f584bf77\"", "dcterms:identifier \"003\"");
        BuildProblem problem = only(failures(p));
        assertEquals("https://w3id.org/claimgraph/id/document/003_497fb625f584bf77", problem.node());
        assertTrue(problem.message().contains("not its file name"), problem.message());
    }

    @Test
    void claimsFileWithoutDocumentIsRefused() {
        TestProject p = TestProject.minimal(dir).write("seeds/claims/009_nothing.ttl", "");
        BuildProblem problem = only(failures(p));
        assertEquals("seeds/claims/009_nothing.ttl", problem.file());
        assertTrue(problem.message().contains("no document 009_nothing.txt"), problem.message());
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        TestProject p = TestProject.minimal(dir)
                .replace(CLAIMS, "required for Vitamin D", "required for vitamin D")
                .replace(CLAIMS, "oa:suffix \", ensuring\"", "oa:suffix \", never\"");
        assertEquals(2, failures(p).size());
    }
}
