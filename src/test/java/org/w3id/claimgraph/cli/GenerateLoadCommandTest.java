package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.store.TdbStore;
import org.w3id.claimgraph.support.CliRun;
import org.w3id.claimgraph.support.TestProject;

/** {@code generate}, then {@code load --home}, through the command line. */
class GenerateLoadCommandTest {
    @TempDir
    Path dir;

    @Test
    void aGeneratedCorpusLoadsWithEitherLoader() {
        Path corpus = dir.resolve("corpus");
        CliRun generated = CliRun.in(TestProject.REPO, "generate", "--claims", "300", "--seed", "5", "--out", corpus.toString());
        assertEquals(ExitCode.OK, generated.exitCode(), generated.err());
        assertTrue(generated.out().matches("generated 300 claims in \\d+ documents \\(20 generated references\\) in .*\\R"), generated.out());

        for (String loader : new String[] {"basic", "parallel"}) {
            Path db = dir.resolve("db-" + loader);
            CliRun loaded = CliRun.in(TestProject.REPO, "load", "--home", corpus.toString(), "--tdb", db.toString(), "--loader", loader);
            assertEquals(ExitCode.OK, loaded.exitCode(), loaded.err());
            assertTrue(loaded.out().matches("loaded \\d+ quads \\(300 claims, \\d+ documents\\) into .*\\R"), loaded.out());
            assertTrue(TdbStore.isStore(db));
        }

        CliRun again = CliRun.in(TestProject.REPO, "generate", "--claims", "10", "--out", corpus.toString());
        assertEquals(ExitCode.USAGE, again.exitCode());
        assertTrue(again.err().contains("exists and is not empty"), again.err());
        CliRun badLoader = CliRun.in(TestProject.REPO, "load", "--home", corpus.toString(), "--tdb", dir.resolve("x").toString(), "--loader", "fast");
        assertEquals(ExitCode.USAGE, badLoader.exitCode());
        assertTrue(Files.notExists(dir.resolve("x")));
    }
}
