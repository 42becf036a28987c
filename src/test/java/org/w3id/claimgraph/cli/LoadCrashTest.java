package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.claimgraph.project.PausePoint;
import org.w3id.claimgraph.store.TdbStore;
import org.w3id.claimgraph.support.CliProcess;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.Databases;
import org.w3id.claimgraph.support.TestProject;

/**
 * Issue 20, defect 4, and issue 19, item 8: a {@code load} killed with SIGKILL in any phase loses nothing,
 * and {@code load} and {@code serve --tdb} exclude each other at once. Each kill stops a real {@code java}
 * process at a named point ({@link PausePoint}, set through the environment of that process only): while
 * the N-Quads are built, during the bulk load, during the count that verifies it, and between the steps of
 * the switch. After each, the database still answers with all its quads, what the killed load left beside
 * it is there, and the next load succeeds and leaves nothing but the database.
 */
class LoadCrashTest {
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    static Path home;

    @TempDir
    Path dir;

    @BeforeAll
    static void project() {
        TestProject.minimal(home);
    }

    @ParameterizedTest
    @ValueSource(strings = {"build", "bulk-load", "verify", "swap-link", "swap-old"})
    void aLoadKilledInAnyPhaseLosesNothing(String phase) {
        Path db = dir.resolve("db");
        load(db);
        long quads = count(db);

        killedAt(phase, "load", "--tdb", db.toString());

        assertNotEquals(List.of(db), Databases.entriesBesideDatabases(dir), "the killed load left something beside " + db);
        assertEquals(quads, countInPlace(db), "the database is whole after a kill in " + phase);
        load(db);
        assertEquals(List.of(db), Databases.entriesBesideDatabases(dir), "the next load removed what the killed one left");
        assertEquals(quads, count(db));
    }

    @Test
    void aDatabaseOfAnEarlierVersionIsMovedIntoAGenerationSafely() throws IOException {
        Path db = dir.resolve("db");
        load(db);
        long quads = count(db);
        earlierLayout(db);

        killedAt("migrate", "load", "--tdb", db.toString());
        assertTrue(Files.notExists(db), "killed between the two steps of the move, " + db + " is missing");

        assertEquals(quads, count(db), "serving finds the database again by itself");
        assertEquals(List.of(db), Databases.entriesBesideDatabases(dir));
    }

    @Test
    void theOldTwoRenameSwapKilledBetweenItsRenamesIsRecovered() throws IOException {
        Path db = dir.resolve("db");
        load(db);
        long quads = count(db);
        earlierLayout(db);
        Files.move(db, dir.resolve(".db.replaced-3f2a"));

        assertEquals(quads, count(db), "serving recovers the database left aside by an earlier version's swap");
        assertEquals(List.of(db), Databases.entriesBesideDatabases(dir));
    }

    @Test
    void loadIsRefusedAtOnceWhileAServerHasTheDatabase() {
        Path db = dir.resolve("db");
        load(db);
        try (CliProcess serve = CliProcess.start(home, List.of("-Xmx512m"), Map.of(), "serve", "--port", "0", "--tdb", db.toString())) {
            assertTrue(serve.awaitLine(l -> l.startsWith("claimgraph serving"), PATIENCE).isPresent(), serve.output());
            CliRun refused = CliRun.in(home, "load", "--tdb", db.toString());
            assertEquals(ExitCode.USAGE, refused.exitCode(), refused.err());
            assertTrue(refused.err().contains("in use by another process (serve by process " + serve.pid() + ")"), refused.err());
            assertTrue(refused.out().isEmpty(), "nothing was built: " + refused.out());
        }
    }

    @Test
    void serveIsRefusedAtOnceWhileALoadRuns() {
        Path db = dir.resolve("db");
        load(db);
        try (CliProcess load = CliProcess.start(home, List.of("-Xmx512m"), Map.of(PausePoint.VARIABLE, "build"), "load", "--tdb", db.toString())) {
            assertTrue(load.awaitLine(l -> l.equals("claimgraph: paused at build"), PATIENCE).isPresent(), load.output());
            CliRun refused = CliRun.in(home, "serve", "--port", "0", "--tdb", db.toString());
            assertEquals(ExitCode.USAGE, refused.exitCode(), refused.err());
            assertTrue(refused.err().contains("in use by another process (load by process " + load.pid() + ")"), refused.err());
        }
    }

    @Test
    void aServerKilledAfterAWriteKeepsTheWriteAndFreesTheDatabase() throws Exception {
        Path db = dir.resolve("db");
        load(db);
        long quads = count(db);
        assertEquals(quads, TdbStore.counts(db).orElseThrow().quads(), "the load counted it for serve");
        Path users = Files.writeString(dir.resolve("users.properties"), "curator: secret\n");
        try (CliProcess serve = CliProcess.start(home, List.of("-Xmx512m"), Map.of(), "serve", "--port", "0", "--tdb", db.toString(),
                "--update-users", users.toString())) {
            String banner = serve.awaitLine(l -> l.startsWith("claimgraph serving"), PATIENCE).orElseThrow(() -> new AssertionError(serve.output()));
            assertTrue(banner.startsWith(String.format(java.util.Locale.ROOT, "claimgraph serving %,d triples in ", quads)), banner);
            Matcher port = Pattern.compile("localhost:(\\d+)/").matcher(banner);
            assertTrue(port.find(), banner);
            String base = "http://localhost:" + port.group(1) + "/";
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> write = client.send(HttpRequest.newBuilder(URI.create(base + "kg/update"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("curator:secret".getBytes()))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <https://w3id.org/claimgraph/id/graph/documents> {"
                            + " <https://w3id.org/claimgraph/id/document/003_497fb625f584bf77> <http://www.w3.org/2000/01/rdf-schema#comment> \"kept\" } }"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, write.statusCode(), write.body());
            for (int i = 0; i < 20; i++) {
                client.sendAsync(HttpRequest.newBuilder(URI.create(base + "kg/sparql?query=" + java.net.URLEncoder.encode(
                        "SELECT (COUNT(*) AS ?n) { ?s ?p ?o . ?s ?q ?r }", java.nio.charset.StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            serve.kill();
        }
        assertEquals(quads + 1, count(db), "the write answered 204 survives the kill");
        assertTrue(TdbStore.counts(db).isEmpty(), "the load's counts, which serve reads instead of counting, are forgotten");
        load(db);
        assertEquals(quads, count(db), "and the database is free for the next load");
        assertEquals(quads, TdbStore.counts(db).orElseThrow().quads(), "which counts it again");
    }

    private static void killedAt(String phase, String... args) {
        try (CliProcess process = CliProcess.start(home, List.of("-Xmx512m"), Map.of(PausePoint.VARIABLE, phase), args)) {
            assertTrue(process.awaitLine(l -> l.equals("claimgraph: paused at " + phase), PATIENCE).isPresent(),
                    "the process never reached " + phase + ":\n" + process.output());
            process.kill();
        }
    }

    private static void load(Path db) {
        CliRun run = CliRun.in(home, "load", "--tdb", db.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
    }

    /** The quads of the database as {@code serve --tdb} opens it (which also recovers and cleans up). */
    private static long count(Path db) {
        DatasetGraph dsg = TdbStore.open(db);
        try {
            return Txn.calculateRead(dsg, () -> dsg.stream().count());
        } finally {
            TdbStore.close(dsg);
        }
    }

    /** The quads of the database its name points to now, read without recovering anything. */
    private static long countInPlace(Path db) {
        DatasetGraph dsg = TdbStore.connect(db);
        try {
            return Txn.calculateRead(dsg, () -> dsg.stream().count());
        } finally {
            TdbStore.close(dsg);
        }
    }

    /** Turns the database into the layout of earlier versions: a plain directory, no generation. */
    private static void earlierLayout(Path db) throws IOException {
        Path generation = TdbStore.location(db);
        Files.delete(db);
        Files.move(generation, db);
    }
}
