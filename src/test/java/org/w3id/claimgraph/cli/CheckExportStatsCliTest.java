package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.support.CliProcess;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;

/** The check, stats and export commands end to end, with their exit codes. */
class CheckExportStatsCliTest {
    @TempDir
    Path dir;

    @Test
    void checkPassesOnAValidProject() {
        CliRun run = CliRun.in(TestProject.minimal(dir).home(), "check");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("ok: 2 claims from 1 documents"), run.out());
    }

    @Test
    void checkFailsWithOneWhenAQuoteIsAltered() {
        TestProject p = TestProject.minimal(dir).replace(BuildFailureTestPaths.CLAIMS, "required for Vitamin D", "required for vitamin D");
        CliRun run = CliRun.in(p.home(), "check");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains(BuildFailureTestPaths.CLAIMS + ":10:"), run.err());
        assertTrue(run.err().contains("<https://w3id.org/claimgraph/id/claim/003-001>: quote not found"), run.err());
        assertTrue(run.err().contains("nothing was written"), run.err());
    }

    /** Issue 20, defect 9: an external id is a link a reader can follow, never javascript: or data:. */
    @Test
    void checkRefusesAnExternalIdThatIsNotHttp() throws Exception {
        for (String iri : new String[] {"javascript:alert(document.domain)", "data:text/html,hello", "file:///etc/passwd"}) {
            Path extra = Files.writeString(dir.resolve("link.ttl"), "<https://w3id.org/claimgraph/id/concept/magnesium-glycinate>"
                    + " <http://www.w3.org/2004/02/skos/core#closeMatch> <" + iri + "> .\n");
            CliRun run = CliRun.in(TestProject.REPO, "check", extra.toString());
            assertEquals(1, run.exitCode(), iri + ": " + run.err());
            assertTrue(run.err().contains("A mapping to another vocabulary is an http(s) IRI"), run.err());
        }
    }

    @Test
    void checkVerifiesExtraFilesAndRefusesAMissingOneAsAnInputError() {
        TestProject p = TestProject.minimal(dir);
        CliRun run = CliRun.in(p.home(), "check", p.path("no-such.ttl").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no-such.ttl: no such file"), run.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.in(TestProject.minimal(dir).home(), "export", "--format", "rdfxml");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--format"), run.err());
    }

    @Test
    void statsPrintsRealCounts() {
        CliRun run = CliRun.in(TestProject.minimal(dir).home(), "stats");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*003_497fb625f584bf77\\s+educational article\\s+What Is the Relationship Between Magnesium and Calcium\\?\\s+2\\n.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\nmoderate\\s+2\\n.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\nmagnesium\\s+2\\n.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\nrequired for\\s+2\\n.*"), run.out());
    }

    @Test
    void exportToAFileIsAtomicAndLeavesNoTemporaryFiles() throws Exception {
        TestProject p = TestProject.minimal(dir);
        Path out = dir.resolve("out/graph.trig");
        CliRun run = CliRun.in(p.home(), "export", "--format", "trig", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Dataset read = RDFDataMgr.loadDataset(out.toString());
        assertTrue(read.containsNamedModel("https://w3id.org/claimgraph/id/graph/document/003_497fb625f584bf77"));
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count());
        }
    }

    /**
     * Issue 19, item 7: an export gets the permissions any new file of the user gets (0666 less the umask), not
     * those of a temporary file (0600), and is still written whole or not at all (above).
     */
    @ParameterizedTest(name = "umask {0}")
    @CsvSource({"022, rw-r--r--", "002, rw-rw-r--", "077, rw-------"})
    void anExportHonoursTheUmask(String umask, String mode) throws Exception {
        TestProject p = TestProject.minimal(dir.resolve("umask-" + umask));
        Path out = dir.resolve("umask-" + umask + "/export/graph.nq");
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "umask \"$0\" && exec \"$@\"", umask,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), CliProcess.QUICK_START,
                "-D" + ProjectLayout.HOME_PROPERTY + "=" + p.home(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "export", "--format", "nquads", "--out", out.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFailedExportDoesNotTouchAnExistingFile() throws Exception {
        TestProject p = TestProject.minimal(dir).replace(BuildFailureTestPaths.CLAIMS, "required for Vitamin D", "required for vitamin D");
        Path out = dir.resolve("graph.nq");
        Files.writeString(out, "previous content\n");
        CliRun run = CliRun.in(p.home(), "export", "--format", "nquads", "--out", out.toString());
        assertEquals(1, run.exitCode());
        assertEquals("previous content\n", Files.readString(out));
        assertFalse(run.out().contains("<https://w3id.org"));
    }

    /** Paths shared with the build tests. */
    static final class BuildFailureTestPaths {
        static final String CLAIMS = "seeds/claims/003_497fb625f584bf77.ttl";
    }
}
