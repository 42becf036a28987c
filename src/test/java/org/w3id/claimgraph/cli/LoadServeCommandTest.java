package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.store.TdbStore;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;

/** {@code load --tdb} and the ways {@code serve} refuses to start, through the command line itself. */
class LoadServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void loadWritesADatabaseThatServeAccepts() {
        Path db = dir.resolve("db");
        CliRun run = CliRun.in(TestProject.REPO, "load", "--tdb", db.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.out().matches("loaded \\d+ quads \\(\\d+ claims, 5 documents\\) into " + Path.of(db.toString()) + "\\R"), run.out());
        assertTrue(TdbStore.isStore(db));
    }

    @Test
    void loadWithProgressTimesEachPhaseAndEachStepOfTheDerivation() {
        CliRun run = CliRun.in(TestProject.REPO, "load", "--tdb", dir.resolve("db").toString(), "--progress");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        for (String step : List.of("AssertionDerivation", "ReviewStatusDerivation", "line grades", "claim grades", "ContradictionDerivation", "publishing the derived graph")) {
            assertTrue(run.err().matches("(?s).*claimgraph: derive: " + step + " in \\d+\\.\\d s\\R.*"), step + " in:\n" + run.err());
        }
        for (String phase : List.of("derive", "findings", "summaries", "totals", "text index")) {
            assertTrue(run.err().matches("(?s).*claimgraph: phase: " + phase + " done in \\d+\\.\\d s\\R.*"), phase + " in:\n" + run.err());
        }
    }

    @Test
    void aFailedLoadTouchesNothing() throws IOException {
        Path db = dir.resolve("db");
        assertEquals(ExitCode.OK, CliRun.in(TestProject.REPO, "load", "--tdb", db.toString()).exitCode());
        List<Path> before = listing(db);
        Path bad = Files.writeString(dir.resolve("bad.ttl"), "<urn:example:s> <urn:example:p> \"unterminated .\n");

        CliRun failed = CliRun.in(TestProject.REPO, "load", "--tdb", db.toString(), bad.toString());
        assertEquals(ExitCode.DATA_PROBLEMS, failed.exitCode());
        assertTrue(failed.err().contains("bad.ttl:2:1: Broken token"), failed.err());
        assertEquals(before, listing(db));
        assertEquals(List.of(bad, db), siblings(), "no temporary directory next to the database");

        Path fresh = dir.resolve("fresh");
        assertEquals(ExitCode.DATA_PROBLEMS, CliRun.in(TestProject.REPO, "load", "--tdb", fresh.toString(), bad.toString()).exitCode());
        assertTrue(Files.notExists(fresh));
    }

    @Test
    void serveRefusesADirectoryThatIsNotADatabase() throws IOException {
        CliRun missing = CliRun.in(TestProject.REPO, "serve", "--port", "0", "--tdb", dir.resolve("missing").toString());
        assertEquals(ExitCode.USAGE, missing.exitCode());
        assertTrue(missing.err().contains("no such database; create it with ./claimgraph load --tdb"), missing.err());

        Path other = Files.createDirectories(dir.resolve("other"));
        CliRun foreign = CliRun.in(TestProject.REPO, "serve", "--port", "0", "--tdb", other.toString());
        assertEquals(ExitCode.USAGE, foreign.exitCode());
        assertTrue(foreign.err().contains("not a claimgraph database"), foreign.err());

        CliRun endpoint = CliRun.in(TestProject.REPO, "serve", "--port", "0", "--endpoint", "http://localhost:1/kg/sparql");
        assertEquals(ExitCode.USAGE, endpoint.exitCode());
        // serve --endpoint reads the endpoint before it listens: one that does not answer is named, and nothing starts.
        assertTrue(endpoint.err().contains("SPARQL endpoint http://localhost:1/kg/sparql") && endpoint.err().contains("ConnectException"), endpoint.err());

        CliRun both = CliRun.in(TestProject.REPO, "serve", "--port", "0", "--tdb", other.toString(), "--endpoint", "http://localhost:1/kg/sparql");
        assertEquals(ExitCode.USAGE, both.exitCode());
        assertTrue(both.err().contains("mutually exclusive"), both.err());

        CliRun badTimeout = CliRun.in(TestProject.REPO, "serve", "--timeout", "soon");
        assertEquals(ExitCode.USAGE, badTimeout.exitCode());
        assertTrue(badTimeout.err().contains("'soon' is not a duration"), badTimeout.err());
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        DurationConverter c = new DurationConverter();
        assertEquals(java.time.Duration.ofSeconds(30), c.convert("30s"));
        assertEquals(java.time.Duration.ofSeconds(45), c.convert("45"));
        assertEquals(java.time.Duration.ofMillis(500), c.convert("500ms"));
        assertEquals(java.time.Duration.ofMinutes(2), c.convert("2m"));
    }

    private List<Path> listing(Path db) throws IOException {
        try (Stream<Path> s = Files.walk(db)) {
            return s.filter(p -> !p.getFileName().toString().equals("tdb.lock")).sorted().toList();
        }
    }

    private List<Path> siblings() {
        return org.w3id.claimgraph.support.Databases.entriesBesideDatabases(dir);
    }
}
