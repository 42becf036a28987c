package org.w3id.claimgraph.virtuoso;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.w3id.claimgraph.project.InputException;

/**
 * Virtuoso's SQL console, {@code isql-vt} (Debian's name; {@code isql} upstream), run once per script with
 * the script on standard input. A statement's rows come back one line each (single-column queries keep that
 * unambiguous); an error Virtuoso reports ({@code *** Error ...}) fails the call with Virtuoso's own words.
 * isql takes the password only on its command line, where other local users can see it in the process list:
 * run the loader where that is acceptable, or give the dba account a password used for loading only.
 */
public final class Isql {
    private final String command;
    private final String hostPort;
    private final String user;
    private final String password;

    public Isql(String command, String hostPort, String user, String password) {
        this.command = command;
        this.hostPort = hostPort;
        this.user = user;
        this.password = password;
    }

    String where() {
        return "Virtuoso at " + hostPort + " (isql, user " + user + ")";
    }

    /** Runs the statements (each ending in ';') and returns what they print, one row a line. */
    public List<String> run(String script) {
        List<String> args = List.of(command, hostPort, user, password,
                "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF", "ECHO=OFF", "BLOBS=ON", "ERRORS=STDOUT");
        Process process;
        try {
            process = new ProcessBuilder(args).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new InputException("cannot run " + command + " (Virtuoso's isql, from Debian's virtuoso-opensource;"
                    + " --isql-command names another): " + e.getMessage(), e);
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // isql exited early (a failed login): its output says why.
        }
        String text = output.join();
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new InputException(where() + ": interrupted", e);
        }
        List<String> lines = text.lines().toList();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("*** Error")) {
                errors.add(lines.get(i).substring("*** ".length()).strip());
            }
        }
        if (!errors.isEmpty() || exit != 0) {
            String reason = errors.isEmpty() ? "isql exited with " + exit + ": " + text.strip() : String.join("; ", errors);
            throw new InputException(where() + ": " + reason);
        }
        return lines;
    }

    /** The one value a single-row, single-column query prints; null for SQL NULL or no row. */
    public String value(String sql) {
        List<String> lines = run(sql.endsWith(";") ? sql : sql + ";");
        if (lines.isEmpty()) return null;
        String v = lines.get(0);
        return v.equals("NULL") ? null : v;
    }

    /** A string as a SQL literal. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
