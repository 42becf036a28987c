package org.w3id.claimgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.dboe.base.file.ProcessFileLock;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.claimgraph.graph.DatasetCounts;
import org.w3id.claimgraph.graph.Tdb2Directory;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.PausePoint;

/**
 * A claimgraph dataset in a TDB2 directory. A write ({@link #replace}, {@link #write}) goes into a new
 * generation beside the directory, is counted back, gets its {@link StoreMarker} last, and only then becomes
 * the database, by one rename of a link ({@link StoreDirectory}). A failed or killed write leaves the old
 * database as it was; what it leaves beside it is removed by the next write or {@link #open}. Writing and
 * serving take the database's {@link StoreLock} first, so that they exclude each other at once.
 * {@link #open} serves only databases written this way.
 */
public final class TdbStore {
    /** The lock file TDB2 keeps in a database directory while a JVM has it open. */
    private static final String TDB_LOCK = "tdb.lock";
    private static final MonitorOutput QUIET = (fmt, args) -> {};
    /** After how many quads the crash tests may stop a load in its bulk-load and verify phases ({@link PausePoint}). */
    private static final long PAUSE_AFTER = 1000;
    /** The locks of the databases opened for serving, released by {@link #close}. */
    private static final Map<DatasetGraph, StoreLock> LOCKS = new ConcurrentHashMap<>();

    private TdbStore() {}

    /**
     * Writes every quad and prefix of {@code source} (a verified, in-memory build) into {@code dir},
     * replacing what is there only once the new database is complete.
     *
     * @return the number of quads written
     */
    public static long write(DatasetGraph source, Path dir) {
        try (Replacement replacement = replace(dir)) {
            return replacement.write(source);
        }
    }

    /** Which TDB2 bulk loader fills the new directory. */
    public enum Loader {
        /** One thread; TDB2's crash-safe loader. */
        BASIC,
        /** Several threads building the indexes at once; faster, not crash-safe in place, which the fresh directory makes irrelevant. */
        PARALLEL
    }

    /**
     * Bulk-loads an N-Quads file (the output of the streaming build) into {@code dir}, replacing what is
     * there only once the new database is complete and holds {@code expectedQuads} quads.
     *
     * @param output where the loader reports its progress (quads loaded, rate, phase)
     * @return the number of quads written
     */
    public static long write(Path nquads, Map<String, String> prefixes, long expectedQuads, Path dir, Loader kind,
                             MonitorOutput output) {
        try (Replacement replacement = replace(dir)) {
            return replacement.write(nquads, prefixes, expectedQuads, kind, output);
        }
    }

    /**
     * Starts replacing the database {@code dir}: takes its lock (failing at once if a server or another load
     * holds it), cleans up after any write that was killed, and checks that {@code dir} is a claimgraph
     * database or nothing. Hold it from the first step of a load to the last; closing it releases the lock
     * and deletes the build file.
     */
    public static Replacement replace(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (target.getParent() == null) throw new InputException(dir + ": cannot write a database at the file system root");
        StoreLock lock = StoreLock.acquire(target, dir, "load");
        try {
            StoreDirectory directory = new StoreDirectory(target, dir);
            directory.recover();
            Path current = directory.current();
            if (current != null) {
                requireReplaceable(dir, current);
                directory.adoptEarlierLayout();
            }
            return new Replacement(lock, directory, dir);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A database being replaced, holding its lock: see {@link #replace}. */
    public static final class Replacement implements AutoCloseable {
        private final StoreLock lock;
        private final StoreDirectory directory;
        private final Path shown;
        private final Path buildFile;

        private Replacement(StoreLock lock, StoreDirectory directory, Path shown) {
            this.lock = lock;
            this.directory = directory;
            this.shown = shown;
            this.buildFile = directory.newBuildFile();
        }

        /** Where a load writes its N-Quads before loading them (beside the database; deleted on close). */
        public Path buildFile() {
            return buildFile;
        }

        /** Writes an in-memory build as the new database. */
        public long write(DatasetGraph source) {
            return fill(fresh -> load(source, fresh));
        }

        /**
         * Bulk-loads an N-Quads file as the new database, which must then hold {@code expectedQuads} quads. A
         * parallel load that crashes leaves only an unlinked generation, which is never served and is deleted
         * on failure or at the next start.
         */
        public long write(Path nquads, Map<String, String> prefixes, long expectedQuads, Loader kind, MonitorOutput output) {
            return write(nquads, prefixes, expectedQuads, kind, output, null);
        }

        /**
         * As {@link #write(Path, Map, long, Loader, MonitorOutput)}, then runs {@code afterLoad} on the new
         * database (the build phases) before it replaces the old one; the count returned includes what it added.
         */
        public long write(Path nquads, Map<String, String> prefixes, long expectedQuads, Loader kind, MonitorOutput output,
                          Consumer<DatasetGraph> afterLoad) {
            return fill(fresh -> bulkLoad(nquads, prefixes, expectedQuads, fresh, kind, output, afterLoad));
        }

        private long fill(Function<Path, DatasetCounts> loadInto) {
            Path generation = directory.newGeneration();
            try {
                DatasetCounts counts = loadInto.apply(generation);
                StoreMarker.of(counts).write(generation);
                directory.switchTo(generation);
                return counts.quads();
            } catch (IOException e) {
                throw new InputException(shown + ": cannot write the database: " + e.getMessage(), e);
            } finally {
                if (!generation.equals(directory.current())) StoreDirectory.deleteTree(generation);
            }
        }

        @Override
        public void close() {
            try {
                StoreDirectory.deleteTree(buildFile);
            } finally {
                lock.close();
            }
        }
    }

    private static DatasetCounts bulkLoad(Path nquads, Map<String, String> prefixes, long expectedQuads, Path fresh, Loader kind,
                                 MonitorOutput output, Consumer<DatasetGraph> afterLoad) {
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(fresh.toString());
        try {
            DataLoader loader = kind == Loader.PARALLEL ? LoaderFactory.parallelLoader(tdb, output)
                    : LoaderFactory.basicLoader(tdb, output);
            loader.startBulk();
            try {
                StreamRDF stream = new Progress(loader.stream(), expectedQuads, output);
                prefixes.forEach(stream::prefix);
                output.print("parse and add: %,d quads from %s", expectedQuads, nquads.getFileName());
                RDFParser.source(nquads).lang(Lang.NQUADS).errorHandler(ErrorHandlerFactory.errorHandlerStrict).parse(stream);
                output.print("index: finishing the indexes");
                loader.finishBulk();
                output.print("verify: counting the quads of the new database");
            } catch (RiotException e) {
                loader.finishException(e);
                throw new InputException(nquads + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            DatasetCounts written = verified(tdb, expectedQuads);
            if (afterLoad == null) return written;
            afterLoad.accept(tdb);
            output.print("count: the quads, graphs and vocabularies of the new database, for serve");
            return DatasetCounts.of(tdb);
        } finally {
            TDBInternal.expel(tdb);
        }
    }

    /** Counts the quads of a new database back; fails unless it holds all {@code expected} of them. */
    private static DatasetCounts verified(DatasetGraph tdb, long expected) {
        DatasetCounts counts = DatasetCounts.of(tdb, n -> {
            if (n == PAUSE_AFTER) PausePoint.reached("verify");
        });
        long written = counts.quads();
        if (written != expected) {
            throw new IllegalStateException("the new database holds " + written + " quads, expected " + expected);
        }
        return counts;
    }

    /** Reports every few seconds how many quads have gone to the loader, and at what rate. */
    private static final class Progress extends org.apache.jena.riot.system.StreamRDFWrapper {
        private final long expected;
        private final MonitorOutput output;
        private final long started = System.nanoTime();
        private long last = started;
        private long count;

        Progress(StreamRDF other, long expected, MonitorOutput output) {
            super(other);
            this.expected = expected;
            this.output = output;
        }

        @Override
        public void quad(Quad quad) {
            super.quad(quad);
            if (++count == PAUSE_AFTER) PausePoint.reached("bulk-load");
            if ((count & 0xFFFF) == 0) {
                long now = System.nanoTime();
                if (now - last > 5_000_000_000L) {
                    last = now;
                    output.print("add: %,d of %,d quads (%.0f%%), %,.0f quads/s", count, expected,
                            100.0 * count / Math.max(1, expected), count / ((now - started) / 1e9));
                }
            }
        }
    }

    /**
     * Opens a database written by {@link #write} for serving (read through {@code graph.GraphSource}, which makes
     * the union of its named graphs its default graph), holding its lock until {@link #close}: a load cannot start on it while it is served.
     * Cleans up after a write that was killed. Fails with an input error if {@code dir} is missing, is not a
     * claimgraph database, or is in use by another process (a load or a server).
     */
    public static DatasetGraph open(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (target.getParent() == null) throw new InputException(dir + ": not a claimgraph database");
        StoreDirectory directory = new StoreDirectory(target, dir);
        if (!directory.exists()) {
            throw new InputException(dir + ": no such database; create it with ./claimgraph load --tdb " + dir);
        }
        StoreLock lock = StoreLock.acquire(target, dir, "serve");
        try {
            directory.recover();
            Path current = directory.current();
            if (current == null) {
                throw new InputException(dir + ": no such database; create it with ./claimgraph load --tdb " + dir);
            }
            if (!Files.isDirectory(current)) throw new InputException(dir + ": not a directory");
            if (StoreMarker.read(current) == null) {
                String format = StoreMarker.formatIn(current);
                if (format != null && format.startsWith("claimgraph-tdb2/")) {
                    throw new InputException(dir + ": a claimgraph database of format " + format + ", written by another version of"
                            + " claimgraph; this one reads " + StoreMarker.FORMAT + ": load it again with ./claimgraph load --tdb " + dir);
                }
                throw new InputException(dir + ": not a claimgraph database (no " + StoreMarker.FILE_NAME
                        + "); create one with ./claimgraph load --tdb DIR");
            }
            requireNotInUse(dir, current);
            DatasetGraph dsg;
            try {
                dsg = connect(current);
            } catch (RuntimeException e) {
                throw new InputException(dir + ": cannot open the database: " + e.getMessage(), e);
            }
            LOCKS.put(dsg, lock);
            return dsg;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Connects to any existing TDB2 directory for reading (not only one written by {@link #write}); see
     * {@link Tdb2Directory#connect}.
     */
    public static DatasetGraph connect(Path dir) {
        return Tdb2Directory.connect(dir);
    }

    /** Releases a database opened by {@link #open}: its files are closed and its locks are given up. */
    public static void close(DatasetGraph dsg) {
        try {
            Tdb2Directory.release(dsg);
        } finally {
            StoreLock lock = LOCKS.remove(dsg);
            if (lock != null) lock.close();
        }
    }

    /**
     * The directory the database {@code dir} is in now (the generation its link names), or null when there is
     * none; what {@code dir} resolves to, for tools that want the real path.
     */
    public static Path location(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        return new StoreDirectory(target, dir).current();
    }

    /**
     * Deletes the database {@code dir} whole: its link, its generation, what loads left beside it, and its
     * lock file. Fails with an input error if a server or a load has it.
     */
    public static void delete(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        StoreDirectory directory = new StoreDirectory(target, dir);
        if (!directory.exists()) return;
        try (StoreLock lock = StoreLock.acquire(target, dir, "delete")) {
            directory.recover();
            Path current = directory.current();
            StoreDirectory.deleteTree(target);
            if (current != null) StoreDirectory.deleteTree(current);
        }
        StoreDirectory.deleteTree(StoreLock.file(target));
    }

    /** The lock file that {@code load} and {@code serve} hold beside the database {@code dir}. */
    public static Path lockFile(Path dir) {
        return StoreLock.file(dir.toAbsolutePath().normalize());
    }

    /**
     * What the load that wrote the database {@code dir} counted in it (quads, named graphs, vocabularies), if nothing
     * has written to it since ({@link #forgetCounts}); empty otherwise, or for a database of an earlier version.
     */
    public static Optional<DatasetCounts> counts(Path dir) {
        Path current = location(dir);
        StoreMarker marker = current == null ? null : StoreMarker.read(current);
        return marker == null ? Optional.empty() : Optional.ofNullable(marker.counts());
    }

    /**
     * Forgets the counts of {@link #counts}: called before a write to the database commits, so that they are never
     * those of another state of it (a write that then fails costs the next {@code serve} one count).
     */
    public static void forgetCounts(Path dir) {
        Path current = location(dir);
        StoreMarker marker = current == null ? null : StoreMarker.read(current);
        if (marker == null || marker.counts() == null) return;
        try {
            marker.withoutCounts().write(current);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot rewrite " + StoreMarker.FILE_NAME + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code dir} holds a database written by {@link #write}. */
    public static boolean isStore(Path dir) {
        return Files.isDirectory(dir) && StoreMarker.read(dir) != null;
    }

    private static DatasetCounts load(DatasetGraph source, Path fresh) {
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(fresh.toString());
        try {
            DataLoader loader = LoaderFactory.basicLoader(tdb, QUIET);
            loader.startBulk();
            try {
                StreamRDF stream = loader.stream();
                Txn.executeRead(source, () -> {
                    source.prefixes().forEach(stream::prefix);
                    source.find().forEachRemaining(stream::quad);
                });
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            return verified(tdb, Txn.calculateRead(source, () -> source.stream().count()));
        } finally {
            TDBInternal.expel(tdb);
        }
    }

    private static void requireReplaceable(Path shown, Path current) {
        if (!Files.isDirectory(current) || !StoreMarker.isPresent(current)) {
            throw new InputException(shown + ": exists and is not a claimgraph database; not replacing it");
        }
        requireNotInUse(shown, current);
    }

    /** TDB2 allows one JVM per directory; say so plainly instead of failing inside TDB2. */
    private static void requireNotInUse(Path shown, Path target) {
        Path lockFile = target.resolve(TDB_LOCK);
        if (!Files.exists(lockFile)) return;
        ProcessFileLock lock = ProcessFileLock.create(lockFile.toString());
        if (lock.isLockedHere()) {
            throw new InputException(shown + ": the database is open in this process");
        }
        boolean free = lock.tryLock();
        try {
            if (!free) throw new InputException(shown + ": the database is in use by another process (a running serve?)");
        } finally {
            if (free) lock.unlock();
            ProcessFileLock.release(lock);
        }
    }
}
