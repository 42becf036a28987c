package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.store.TdbStore;

/** {@code load --tdb} and the ways {@code serve} refuses to start, through the command line itself. */
class LoadServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void loadWritesADatabaseThatServeAccepts() {
        Path db = dir.resolve("db");
        Run run = run("load", "--tdb", db.toString());
        assertEquals(ExitCode.OK, run.code, run.err);
        assertTrue(run.out.matches("loaded \\d+ quads \\(\\d+ claims, 5 documents\\) into " + Path.of(db.toString()) + "\\R"), run.out);
        assertTrue(TdbStore.isStore(db));
    }

    @Test
    void aFailedLoadTouchesNothing() throws IOException {
        Path db = dir.resolve("db");
        assertEquals(ExitCode.OK, run("load", "--tdb", db.toString()).code);
        List<Path> before = listing(db);
        Path bad = Files.writeString(dir.resolve("bad.ttl"), "<urn:example:s> <urn:example:p> \"unterminated .\n");

        Run failed = run("load", "--tdb", db.toString(), bad.toString());
        assertEquals(ExitCode.DATA_PROBLEMS, failed.code);
        assertTrue(failed.err.contains("bad.ttl:2:1: Broken token"), failed.err);
        assertEquals(before, listing(db));
        assertEquals(List.of(bad, db), siblings(), "no temporary directory next to the database");

        Path fresh = dir.resolve("fresh");
        assertEquals(ExitCode.DATA_PROBLEMS, run("load", "--tdb", fresh.toString(), bad.toString()).code);
        assertTrue(Files.notExists(fresh));
    }

    @Test
    void serveRefusesADirectoryThatIsNotADatabase() throws IOException {
        Run missing = run("serve", "--port", "0", "--tdb", dir.resolve("missing").toString());
        assertEquals(ExitCode.USAGE, missing.code);
        assertTrue(missing.err.contains("no such database; create it with ./claimgraph load --tdb"), missing.err);

        Path other = Files.createDirectories(dir.resolve("other"));
        Run foreign = run("serve", "--port", "0", "--tdb", other.toString());
        assertEquals(ExitCode.USAGE, foreign.code);
        assertTrue(foreign.err.contains("not a claimgraph database"), foreign.err);

        Run badTimeout = run("serve", "--timeout", "soon");
        assertEquals(ExitCode.USAGE, badTimeout.code);
        assertTrue(badTimeout.err.contains("'soon' is not a duration"), badTimeout.err);
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

    private List<Path> siblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        var cl = Main.commandLine();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err));
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int code = cl.execute(args);
            return new Run(code, captured.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(out);
        }
    }
}
