package org.w3id.claimgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * The file that makes a TDB2 directory a claimgraph database: written last by {@code load}, so a
 * directory that has it holds a complete, verified build. {@code serve --tdb} refuses a directory
 * without it rather than serve some other (or a half-written) database.
 */
record StoreMarker(String format, long quads, Instant loaded) {
    static final String FILE_NAME = "claimgraph-store.properties";
    static final String FORMAT = "claimgraph-tdb2/1";

    static StoreMarker of(long quads) {
        return new StoreMarker(FORMAT, quads, Instant.now());
    }

    static boolean isPresent(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE_NAME));
    }

    /** Reads the marker, or returns null when there is none or it is not one of ours. */
    static StoreMarker read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return null;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            if (!FORMAT.equals(p.getProperty("format"))) return null;
            return new StoreMarker(FORMAT, Long.parseLong(p.getProperty("quads", "-1")),
                    Instant.parse(p.getProperty("loaded", Instant.EPOCH.toString())));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", format);
        p.setProperty("quads", Long.toString(quads));
        p.setProperty("loaded", loaded.toString());
        try (OutputStream out = Files.newOutputStream(dir.resolve(FILE_NAME))) {
            out.write(("# A claimgraph TDB2 database, written by ./claimgraph load --tdb. Do not edit.\n")
                    .getBytes(StandardCharsets.UTF_8));
            p.store(out, null);
        }
    }
}
