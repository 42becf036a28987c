package org.w3id.claimgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;

import org.w3id.claimgraph.graph.DatasetCounts;

/**
 * The file that makes a TDB2 directory a claimgraph database: written last by {@code load}, so a
 * directory that has it holds a complete, verified build. {@code serve --tdb} refuses a directory
 * without it rather than serve some other (or a half-written) database.
 *
 * <p>It also keeps what the load counted in its last pass over the database ({@link DatasetCounts}: quads, named
 * graphs, vocabularies), so that {@code serve} need not count 73 million quads again before it listens. A checked
 * write forgets them ({@link #withoutCounts}) before it commits: the counts a marker has are those of the database
 * as it is.
 */
record StoreMarker(String format, long quads, Instant loaded, DatasetCounts counts) {
    static final String FILE_NAME = "claimgraph-store.properties";
    /**
     * What this version writes and reads. 2: the summaries graph has the documents index's positions
     * (cg:indexPosition), which the explorer's documents index reads; a database of format 1 lacks them.
     */
    static final String FORMAT = "claimgraph-tdb2/2";

    static StoreMarker of(DatasetCounts counts) {
        return new StoreMarker(FORMAT, counts.quads(), Instant.now(), counts);
    }

    /** The same marker without the counts: the database has been written since they were taken. */
    StoreMarker withoutCounts() {
        return new StoreMarker(format, quads, loaded, null);
    }

    static boolean isPresent(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE_NAME));
    }

    /** The format a marker in {@code dir} names (another version's too), or null when there is no readable marker. */
    static String formatIn(Path dir) {
        Properties p = properties(dir);
        return p == null ? null : p.getProperty("format");
    }

    /** Reads the marker, or returns null when there is none or it is not one of ours. */
    static StoreMarker read(Path dir) {
        Properties p = properties(dir);
        if (p == null || !FORMAT.equals(p.getProperty("format"))) return null;
        try {
            long quads = Long.parseLong(p.getProperty("quads", "-1"));
            String graphs = p.getProperty("graphs");
            String vocabularies = p.getProperty("vocabularies");
            DatasetCounts counts = graphs == null || vocabularies == null ? null : new DatasetCounts(quads,
                    Long.parseLong(graphs), Arrays.stream(vocabularies.split(" ")).filter(v -> !v.isEmpty()).collect(Collectors.toSet()));
            return new StoreMarker(FORMAT, quads, Instant.parse(p.getProperty("loaded", Instant.EPOCH.toString())), counts);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The marker file's properties, or null when there is none or it cannot be read. */
    private static Properties properties(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return null;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return p;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the marker into {@code dir}: into a file beside it first, then renamed over it, so it is never half-written. */
    void write(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", format);
        p.setProperty("quads", Long.toString(quads));
        p.setProperty("loaded", loaded.toString());
        if (counts != null) {
            p.setProperty("graphs", Long.toString(counts.graphs()));
            p.setProperty("vocabularies", String.join(" ", counts.vocabularies().stream().sorted().toList()));
        }
        Path file = dir.resolve(FILE_NAME);
        Path next = dir.resolve(FILE_NAME + ".next");
        try (OutputStream out = Files.newOutputStream(next)) {
            out.write(("# A claimgraph TDB2 database, written by ./claimgraph load --tdb. Do not edit.\n")
                    .getBytes(StandardCharsets.UTF_8));
            p.store(out, null);
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
