package org.w3id.claimgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.store.TdbStore;

/** {@code generate}, then {@code load --home}, through the command line. */
class GenerateLoadCommandTest {
    @TempDir
    Path dir;

    @Test
    void aGeneratedCorpusLoadsWithEitherLoader() {
        Path corpus = dir.resolve("corpus");
        Run generated = run("generate", "--claims", "300", "--seed", "5", "--out", corpus.toString());
        assertEquals(ExitCode.OK, generated.code, generated.err);
        assertTrue(generated.out.matches("generated 300 claims in \\d+ documents \\(20 generated references\\) in .*\\R"), generated.out);

        for (String loader : new String[] {"basic", "parallel"}) {
            Path db = dir.resolve("db-" + loader);
            Run loaded = run("load", "--home", corpus.toString(), "--tdb", db.toString(), "--loader", loader);
            assertEquals(ExitCode.OK, loaded.code, loaded.err);
            assertTrue(loaded.out.matches("loaded \\d+ quads \\(300 claims, \\d+ documents\\) into .*\\R"), loaded.out);
            assertTrue(TdbStore.isStore(db));
        }

        Run again = run("generate", "--claims", "10", "--out", corpus.toString());
        assertEquals(ExitCode.USAGE, again.code);
        assertTrue(again.err.contains("exists and is not empty"), again.err);
        Run badLoader = run("load", "--home", corpus.toString(), "--tdb", dir.resolve("x").toString(), "--loader", "fast");
        assertEquals(ExitCode.USAGE, badLoader.code);
        assertTrue(Files.notExists(dir.resolve("x")));
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
