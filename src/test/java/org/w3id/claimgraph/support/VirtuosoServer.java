package org.w3id.claimgraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.w3id.claimgraph.virtuoso.Isql;

/**
 * A throwaway OpenLink Virtuoso for tests: started by src/test/virtuoso/virtuoso.sh (its own virtuoso.ini and
 * database in a temporary folder, on free ports), stopped and deleted by {@link #close()} (a test class's
 * AfterAll) or at the latest when the test JVM exits. One per test class: Virtuoso 7.2 serves one
 * default graph per database (see {@code VirtuosoLoader}), so classes that load cannot share one.
 * A missing or failing Virtuoso fails the test with the script's own message; it is never skipped.
 * Its account is Virtuoso's documented default for a new database (dba/dba), fine for a database that
 * lives as long as one test run.
 */
public final class VirtuosoServer implements AutoCloseable {
    private static final Path SCRIPT = TestProject.REPO.resolve("src/test/virtuoso/virtuoso.sh");

    private final Path dir;
    private final Map<String, String> env;
    private final Thread cleanUp;

    private VirtuosoServer(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = env;
        this.cleanUp = new Thread(this::stop, "virtuoso-stop");
        Runtime.getRuntime().addShutdownHook(cleanUp);
    }

    /** A new Virtuoso with an empty database; fails, saying why, when Virtuoso is missing or does not start. */
    public static VirtuosoServer start() {
        try {
            Path dir = Files.createTempDirectory("claimgraph-virtuoso");
            Process p = new ProcessBuilder("bash", SCRIPT.toString(), "start", dir.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("Virtuoso did not start (" + SCRIPT + " start " + dir + "):\n" + output);
            }
            Map<String, String> env = new LinkedHashMap<>();
            for (String line : Files.readAllLines(dir.resolve("virtuoso.env"))) {
                int eq = line.indexOf('=');
                if (eq > 0) env.put(line.substring(0, eq), line.substring(eq + 1));
            }
            return new VirtuosoServer(dir, env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The SPARQL endpoint, http://127.0.0.1:PORT/sparql. */
    public String endpoint() {
        return env.get("VIRTUOSO_ENDPOINT");
    }

    /** host:port of the SQL listener, for isql. */
    public String sqlAddress() {
        return env.get("VIRTUOSO_SQL");
    }

    public String user() {
        return env.get("VIRTUOSO_USER");
    }

    /** A file holding the password, for --isql-password-file. */
    public Path passwordFile() {
        Path file = dir.resolve("password");
        try {
            if (!Files.exists(file)) Files.writeString(file, env.get("VIRTUOSO_PASSWORD") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The directory the bulk loader may read. */
    public Path loadDir() {
        return Path.of(env.get("VIRTUOSO_LOAD_DIR"));
    }

    /** The options of {@code load} that point it at this Virtuoso, serving the graph at {@code endpoint}. */
    public List<String> loadOptions(String endpoint) {
        return new ArrayList<>(List.of("--endpoint", endpoint, "--engine", "virtuoso", "--isql", sqlAddress(),
                "--isql-user", user(), "--isql-password-file", passwordFile().toString(), "--load-dir", loadDir().toString(),
                "--grace", "0s"));
    }

    /** Runs SQL statements through isql-vt and returns what they print, one row a line (stripped); fails on any error. */
    public List<String> sql(String script) {
        return new Isql("isql-vt", sqlAddress(), user(), env.get("VIRTUOSO_PASSWORD")).run(script).stream().map(String::strip).toList();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down.
        }
    }

    private synchronized void stop() {
        if (!Files.exists(dir)) return;
        try {
            new ProcessBuilder("bash", SCRIPT.toString(), "stop", dir.toString()).inheritIO().start().waitFor(90, TimeUnit.SECONDS);
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort at JVM exit: a temporary folder.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
