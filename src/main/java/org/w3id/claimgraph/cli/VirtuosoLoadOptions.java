package org.w3id.claimgraph.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.virtuoso.VirtuosoLoader;

import picocli.CommandLine.Option;

/** How {@code load --endpoint URL --engine virtuoso} reaches Virtuoso; credentials from options or the environment. */
final class VirtuosoLoadOptions {
    @Option(names = "--engine", paramLabel = "ENGINE", description = "The engine behind --endpoint; claimgraph can bulk-load: virtuoso.")
    String engine;

    @Option(names = "--isql", paramLabel = "HOST:PORT", description = "Virtuoso's SQL listener (default: the endpoint's host, port 1111).")
    String isql;

    @Option(names = "--isql-user", paramLabel = "NAME", description = "The Virtuoso account that loads (default: $VIRTUOSO_USER).")
    String user;

    @Option(names = "--isql-password-file", paramLabel = "FILE", description = "A file whose first line is that account's password (default: $VIRTUOSO_PASSWORD).")
    Path passwordFile;

    @Option(names = "--isql-command", defaultValue = "isql-vt", paramLabel = "PROGRAM", description = "Virtuoso's isql program (default: ${DEFAULT-VALUE}, Debian's name for it).")
    String isqlCommand;

    @Option(names = "--load-dir", paramLabel = "DIR", description = "A directory this command writes and Virtuoso reads at the same path, listed in its DirsAllowed (default: $VIRTUOSO_LOAD_DIR).")
    Path loadDir;

    @Option(names = "--sparql-host", paramLabel = "HOST", description = "The HTTP Host (a SQL LIKE mask) whose SPARQL requests get the loaded graph as their default graph (default: the endpoint's host:port).")
    String sparqlHost;

    @Option(names = "--grace", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long the graph served before stays after the swap, for queries still running on it (default: ${DEFAULT-VALUE}).")
    Duration grace;

    String engine() {
        return engine;
    }

    /** Where and how to load, with the defaults filled in from the endpoint and the environment. */
    VirtuosoLoader.Settings settings(URI endpoint) {
        String account = user != null ? user : System.getenv("VIRTUOSO_USER");
        if (account == null || account.isBlank()) throw new InputException("loading into Virtuoso needs its account: --isql-user NAME or $VIRTUOSO_USER");
        Path dir = loadDir != null ? loadDir
                : System.getenv("VIRTUOSO_LOAD_DIR") != null ? Path.of(System.getenv("VIRTUOSO_LOAD_DIR")) : null;
        if (dir == null) throw new InputException("loading into Virtuoso needs a directory it reads: --load-dir DIR or $VIRTUOSO_LOAD_DIR");
        if (!Files.isDirectory(dir)) throw new InputException("--load-dir " + dir + ": no such directory");
        return new VirtuosoLoader.Settings(endpoint, isqlCommand, isql != null ? isql : endpoint.getHost() + ":1111", account,
                password(account), dir, sparqlHost != null ? sparqlHost : VirtuosoLoader.hostOf(endpoint), grace);
    }

    private String password(String account) {
        if (passwordFile != null) {
            try {
                return Files.readAllLines(passwordFile).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new InputException("--isql-password-file " + passwordFile + ": cannot read: " + e.getMessage(), e);
            }
        }
        String password = System.getenv("VIRTUOSO_PASSWORD");
        if (password == null) {
            throw new InputException("loading into Virtuoso needs the password of " + account + ": --isql-password-file FILE or $VIRTUOSO_PASSWORD");
        }
        return password;
    }
}
