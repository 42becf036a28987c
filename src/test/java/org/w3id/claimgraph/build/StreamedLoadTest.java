package org.w3id.claimgraph.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.store.DatabaseLoad;
import org.w3id.claimgraph.store.TdbStore;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.ProjectLayout;
import org.w3id.claimgraph.support.Databases;
import org.w3id.claimgraph.query.QueryFixture;

/** Loading the streamed N-Quads: every quad arrives, and a bad file leaves the database as it was. */
class StreamedLoadTest {
    @TempDir
    Path dir;

    @Test
    void bothLoadersWriteEveryQuadAndABadFileChangesNothing() throws IOException {
        GraphBuild.Result built = GraphBuild.create().layout(ProjectLayout.locate()).writeNQuads(dir.resolve("seeds.nq"));
        Path db = dir.resolve("db");
        for (TdbStore.Loader loader : TdbStore.Loader.values()) {
            assertEquals(built.quads(), TdbStore.write(built.file(), built.prefixes(), built.quads(), db, loader, (f, a) -> {}));
            DatasetGraph dsg = TdbStore.open(db);
            try {
                assertEquals(built.quads(), Txn.calculateRead(dsg, () -> dsg.stream().count()));
                assertEquals(built.prefixes().get("claim"), Txn.calculateRead(dsg, () -> dsg.prefixes().get("claim")));
            } finally {
                TdbStore.close(dsg);
            }
        }
        List<Path> before = listing(db);
        Path bad = Files.writeString(dir.resolve("bad.nq"),
                "<urn:x:s> <urn:x:p> <urn:x:o> <urn:x:g> .\n<urn:x:s> <urn:x:p> <urn:x:o> <urn:x:g> <urn:x:h> .\n");
        InputException e = assertThrows(InputException.class,
                () -> TdbStore.write(bad, java.util.Map.of(), 2, db, TdbStore.Loader.PARALLEL, (f, a) -> {}));
        assertTrue(e.getMessage().contains("bad.nq") && e.getMessage().contains("line: 2"), e.getMessage());
        assertEquals(before, listing(db));
        assertEquals(List.of(bad, db, built.file()), Databases.entriesBesideDatabases(dir), "no temporary directory next to the database");

        Path fresh = dir.resolve("fresh");
        assertThrows(IllegalStateException.class,
                () -> TdbStore.write(built.file(), built.prefixes(), built.quads() + 1, fresh, TdbStore.Loader.BASIC, (f, a) -> {}));
        assertTrue(Files.notExists(fresh), "a load that does not count out leaves no database");
    }

    @Test
    void theLoadSequenceDerivesOnTheLoadedDatabaseWhatTheInMemoryBuildDerives() {
        Path db = dir.resolve("db");
        long quads = DatabaseLoad.of(ProjectLayout.locate()).loader(TdbStore.Loader.BASIC).into(db).quads();
        org.apache.jena.graph.Node derived = org.apache.jena.graph.NodeFactory.createURI(org.w3id.claimgraph.project.GraphNames.DERIVED);
        org.apache.jena.graph.Graph inMemory = QueryFixture.seeds().getGraph(derived);
        DatasetGraph dsg = TdbStore.open(db);
        try {
            assertEquals(quads, Txn.calculateRead(dsg, () -> dsg.stream().count()));
            Txn.executeRead(dsg, () -> {
                org.apache.jena.graph.Graph loaded = dsg.getGraph(derived);
                assertTrue(inMemory.size() > 5_000, "the derived graph has grades, assertions and derivations: " + inMemory.size());
                assertEquals(inMemory.size(), loaded.size());
                assertTrue(inMemory.isIsomorphicWith(loaded), "TDB2 and memory derive the same graph");
            });
        } finally {
            TdbStore.close(dsg);
        }
    }

    private static List<Path> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d, 1)) {
            return s.filter(p -> !p.equals(d)).sorted().toList();
        }
    }
}
