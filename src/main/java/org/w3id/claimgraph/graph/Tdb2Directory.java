package org.w3id.claimgraph.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.params.StoreParams;
import org.w3id.claimgraph.project.InputException;

/** How this process opens a TDB2 database directory: only an existing one, with node caches sized to the heap. */
public final class Tdb2Directory {
    private Tdb2Directory() {}

    /**
     * Connects to any existing TDB2 directory for reading (not only one that {@code load} wrote), with
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
}
