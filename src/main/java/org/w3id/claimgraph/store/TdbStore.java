package org.w3id.claimgraph.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.base.file.ProcessFileLock;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.claimgraph.load.InputException;

/**
 * A claimgraph dataset in a TDB2 directory. {@link #write} replaces a directory atomically: the data goes
 * into a new sibling directory with TDB2's crash-safe basic loader, is counted back, gets its
 * {@link StoreMarker} last, and only then is renamed into place. A failed write leaves the old directory
 * as it was and no temporary directory behind. {@link #open} serves only directories written this way.
 */
public final class TdbStore {
    /** The lock file TDB2 keeps in a database directory while a JVM has it open. */
    private static final String TDB_LOCK = "tdb.lock";
    private static final MonitorOutput QUIET = (fmt, args) -> {};

    private TdbStore() {}

    /**
     * Writes every quad and prefix of {@code source} (a verified, in-memory build) into {@code dir},
     * replacing what is there only once the new database is complete.
     *
     * @return the number of quads written
     */
    public static long write(DatasetGraph source, Path dir) {
        return replace(dir, fresh -> load(source, fresh));
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
     * there only once the new database is complete and holds {@code expectedQuads} quads. A parallel load
     * that crashes leaves only the temporary directory, which is never served and is deleted on failure.
     *
     * @param output where the loader reports its progress (quads loaded, rate, phase)
     * @return the number of quads written
     */
    public static long write(Path nquads, Map<String, String> prefixes, long expectedQuads, Path dir, Loader kind,
                             MonitorOutput output) {
        return write(nquads, prefixes, expectedQuads, dir, kind, output, dataset -> 0);
    }

    /**
     * As {@link #write(Path, Map, long, Path, Loader, MonitorOutput)}, then runs {@code afterLoad} on the new
     * database (the build's derivation, which adds its derived graph) before it replaces {@code dir}; a failure
     * there leaves {@code dir} as it was.
     *
     * @param afterLoad adds to the loaded database and returns how many quads it added
     * @return the number of quads written, loaded and added
     */
    public static long write(Path nquads, Map<String, String> prefixes, long expectedQuads, Path dir, Loader kind,
                             MonitorOutput output, java.util.function.ToLongFunction<DatasetGraph> afterLoad) {
        return replace(dir, fresh -> {
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
                long written = Txn.calculateRead(tdb, () -> tdb.stream().count());
                if (written != expectedQuads) {
                    throw new IllegalStateException("the new database holds " + written + " quads, expected " + expectedQuads);
                }
                output.print("derive: the build's derived graph");
                return written + afterLoad.applyAsLong(tdb);
            } finally {
                TDBInternal.expel(tdb);
            }
        });
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
        public void quad(org.apache.jena.sparql.core.Quad quad) {
            super.quad(quad);
            if ((++count & 0xFFFF) == 0) {
                long now = System.nanoTime();
                if (now - last > 5_000_000_000L) {
                    last = now;
                    output.print("add: %,d of %,d quads (%.0f%%), %,.0f quads/s", count, expected,
                            100.0 * count / Math.max(1, expected), count / ((now - started) / 1e9));
                }
            }
        }
    }

    private static long replace(Path dir, java.util.function.ToLongFunction<Path> fill) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) throw new InputException(dir + ": cannot write a database at the file system root");
        if (Files.exists(target)) requireReplaceable(dir, target);
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new InputException(parent + ": cannot create directory: " + e.getMessage(), e);
        }

        String name = target.getFileName().toString();
        Path fresh = parent.resolve("." + name + ".loading-" + UUID.randomUUID());
        try {
            long quads = fill.applyAsLong(fresh);
            StoreMarker.of(quads).write(fresh);
            switchInto(fresh, target, parent.resolve("." + name + ".replaced-" + UUID.randomUUID()));
            return quads;
        } catch (IOException e) {
            throw new InputException(dir + ": cannot write the database: " + e.getMessage(), e);
        } finally {
            deleteTree(fresh);
        }
    }

    /**
     * Opens a database written by {@link #write} for serving, with the union of its named graphs as the
     * default graph. Fails with an input error if {@code dir} is missing, is not a claimgraph database, or
     * is open in another process.
     */
    public static DatasetGraph open(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        if (!Files.exists(target)) {
            throw new InputException(dir + ": no such database; create it with ./claimgraph load --tdb " + dir);
        }
        if (!Files.isDirectory(target)) throw new InputException(dir + ": not a directory");
        if (StoreMarker.read(target) == null) {
            throw new InputException(dir + ": not a claimgraph database (no " + StoreMarker.FILE_NAME
                    + "); create one with ./claimgraph load --tdb DIR");
        }
        requireNotInUse(dir, target);
        DatasetGraph dsg;
        try {
            dsg = connect(target);
        } catch (RuntimeException e) {
            throw new InputException(dir + ": cannot open the database: " + e.getMessage(), e);
        }
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dsg;
    }

    /**
     * Connects to any existing TDB2 directory for reading (not only one written by {@link #write}), with
     * node caches sized to the heap (see {@link #servingParams}). Fails with an input error if {@code dir}
     * is missing or holds no TDB2 database, rather than letting TDB2 create an empty one there.
     */
    public static DatasetGraph connect(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": no such TDB2 database directory");
        }
        boolean tdb2;
        try (Stream<Path> entries = Files.list(dir)) {
            tdb2 = entries.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().matches("Data-\\d+"));
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list: " + e.getMessage(), e);
        }
        if (!tdb2) throw new InputException(dir + ": not a TDB2 database (it has no Data-NNNN directory)");
        return DatabaseMgr.connectDatasetGraph(Location.create(dir.toString()), servingParams());
    }

    /**
     * Node caches sized to the heap. TDB2's default (a million ids to nodes) is far below the nodes of a
     * million-claim graph (claims, quotes, selectors, evidence and their literals: some ten million, by
     * estimate, not counted), so a query over all claims decodes most nodes from disk again each time. A
     * cached node costs roughly 150 bytes (also an estimate), so one per KiB of heap keeps the caches near a
     * sixth of it. Cache sizes are per connection, not stored in the database: nothing changes on disk.
     */
    private static StoreParams servingParams() {
        long perKiB = Runtime.getRuntime().maxMemory() / 1024;
        int nodes = (int) Math.min(50_000_000L, Math.max(StoreParams.getDftStoreParams().getNodeId2NodeCacheSize(), perKiB));
        return StoreParams.builder()
                .nodeId2NodeCacheSize(nodes)
                .node2NodeIdCacheSize(Math.max(StoreParams.getDftStoreParams().getNode2NodeIdCacheSize(), nodes / 5))
                .build();
    }

    /** Releases a database opened by {@link #open}: its files are closed and its lock is given up. */
    public static void close(DatasetGraph dsg) {
        TDBInternal.expel(dsg);
    }

    /** Whether {@code dir} holds a database written by {@link #write}. */
    public static boolean isStore(Path dir) {
        return Files.isDirectory(dir) && StoreMarker.read(dir) != null;
    }

    private static long load(DatasetGraph source, Path fresh) {
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
            long expected = Txn.calculateRead(source, () -> source.stream().count());
            long written = Txn.calculateRead(tdb, () -> tdb.stream().count());
            if (written != expected) {
                throw new IllegalStateException("the new database holds " + written + " quads, expected " + expected);
            }
            return written;
        } finally {
            TDBInternal.expel(tdb);
        }
    }

    /**
     * Renames {@code fresh} to {@code target}. An existing target is first renamed aside and removed only
     * after the new one is in place, so that a crash in between leaves one complete database on disk.
     */
    private static void switchInto(Path fresh, Path target, Path aside) throws IOException {
        if (!Files.exists(target)) {
            move(fresh, target);
            return;
        }
        move(target, aside);
        try {
            move(fresh, target);
        } catch (IOException e) {
            move(aside, target);
            throw e;
        }
        deleteTree(aside);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " atomically", e);
        }
    }

    private static void requireReplaceable(Path shown, Path target) {
        if (!Files.isDirectory(target) || !StoreMarker.isPresent(target)) {
            throw new InputException(shown + ": exists and is not a claimgraph database; not replacing it");
        }
        requireNotInUse(shown, target);
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

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a leftover temporary directory is named so that it is obvious what it was.
        }
    }
}
