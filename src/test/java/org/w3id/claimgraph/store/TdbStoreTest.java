package org.w3id.claimgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.claimgraph.graph.DatasetCounts;
import org.w3id.claimgraph.graph.GraphSource;
import org.w3id.claimgraph.project.GraphNames;
import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.support.Databases;
import org.w3id.claimgraph.query.QueryFixture;

/** Real TDB2 directories: atomic replacement, nothing left behind on failure, and what open refuses. */
class TdbStoreTest {
    private static DatasetGraph seed;
    private static long seedQuads;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        seed = QueryFixture.seeds();
        seedQuads = Txn.calculateRead(seed, () -> seed.stream().count());
    }

    @Test
    void writesTheWholeBuildAndOpensItWithTheUnionDefaultGraph() {
        Path db = dir.resolve("db");
        assertEquals(seedQuads, TdbStore.write(seed, db));
        assertTrue(TdbStore.isStore(db));
        assertEquals(List.of(db), siblings());

        DatasetGraph tdb = TdbStore.open(db);
        try {
            // Read as every reader reads it: the default graph is the union of the named graphs.
            assertTrue(GraphSource.of(tdb, "db").ask(QueryFactory.create(
                    "ASK { ?claim a <https://w3id.org/claimgraph/ontology#Claim> }"), null));
            assertEquals(seedQuads, (long) Txn.calculateRead(tdb, () -> tdb.stream().count()));
            assertEquals(Txn.calculateRead(seed, () -> seed.prefixes().getMapping()),
                    Txn.calculateRead(tdb, () -> tdb.prefixes().getMapping()));
        } finally {
            TdbStore.close(tdb);
        }
    }

    @Test
    void keepsWhatItCountedForServeUntilTheDatabaseIsWritten() {
        Path db = dir.resolve("db");
        TdbStore.write(seed, db);
        DatasetCounts stored = TdbStore.counts(db).orElseThrow(() -> new AssertionError("a new database keeps its counts"));
        DatasetGraph tdb = TdbStore.open(db);
        try {
            DatasetCounts counted = DatasetCounts.of(tdb);
            assertEquals(counted, stored, "the stored counts are those of the database as it is");
            assertEquals(seedQuads, stored.quads());
            assertEquals(Txn.calculateRead(tdb, () -> org.apache.jena.atlas.iterator.Iter.count(tdb.listGraphNodes())), stored.graphs());
            assertTrue(stored.vocabularies().contains("https://w3id.org/claimgraph/ontology#"), stored.vocabularies().toString());
            assertTrue(stored.vocabularies().contains("http://www.w3.org/ns/oa#"), stored.vocabularies().toString());
        } finally {
            TdbStore.close(tdb);
        }
        TdbStore.forgetCounts(db);
        assertTrue(TdbStore.counts(db).isEmpty(), "a written database is counted again");
        assertTrue(TdbStore.isStore(db), "and is still a claimgraph database");
        TdbStore.write(seed, db);
        assertEquals(stored, TdbStore.counts(db).orElseThrow(), "the next load counts it again");
    }

    @Test
    void replacesAnExistingDatabaseWhole() {
        Path db = dir.resolve("db");
        DatasetGraph smaller = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(smaller, () -> smaller.add(Quad.create(NodeFactory.createURI(GraphNames.BASE + "only"),
                NodeFactory.createURI("urn:example:s"), NodeFactory.createURI("urn:example:p"), NodeFactory.createURI("urn:example:o"))));
        assertEquals(1, TdbStore.write(smaller, db));
        assertEquals(seedQuads, TdbStore.write(seed, db));
        assertEquals(List.of(db), siblings(), "no temporary or replaced directory is left");
        DatasetGraph tdb = TdbStore.open(db);
        try {
            assertEquals(seedQuads, (long) Txn.calculateRead(tdb, () -> tdb.stream().count()));
            assertFalse(Txn.calculateRead(tdb, () -> tdb.containsGraph(NodeFactory.createURI(GraphNames.BASE + "only"))));
        } finally {
            TdbStore.close(tdb);
        }
    }

    @Test
    void aFailedWriteLeavesTheOldDatabaseAsItWasAndNoTemporaryDirectory() throws IOException {
        Path db = dir.resolve("db");
        TdbStore.write(seed, db);
        String marker = Files.readString(db.resolve(StoreMarker.FILE_NAME));

        RuntimeException failure = assertThrows(RuntimeException.class, () -> TdbStore.write(new FailsHalfWay(seed), db));
        assertEquals("the source broke half-way", failure.getMessage());

        assertEquals(List.of(db), siblings());
        assertEquals(marker, Files.readString(db.resolve(StoreMarker.FILE_NAME)));
        DatasetGraph tdb = TdbStore.open(db);
        try {
            assertEquals(seedQuads, (long) Txn.calculateRead(tdb, () -> tdb.stream().count()));
        } finally {
            TdbStore.close(tdb);
        }
    }

    @Test
    void neverReplacesADirectoryThatIsNotAClaimgraphDatabase() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "keep me");
        InputException e = assertThrows(InputException.class, () -> TdbStore.write(seed, other));
        assertTrue(e.getMessage().contains("not a claimgraph database"), e.getMessage());
        assertEquals("keep me", Files.readString(other.resolve("notes.txt")));
        assertEquals(List.of(other), siblings());
    }

    @Test
    void aDatabaseOfAnEarlierFormatIsRefusedWithWhatToDoAndReplacedByALoad() throws IOException {
        Path db = dir.resolve("db");
        TdbStore.write(seed, db);
        Path marker = db.resolve(StoreMarker.FILE_NAME);
        Files.writeString(marker, Files.readString(marker).replace(StoreMarker.FORMAT, "claimgraph-tdb2/1"));
        InputException old = assertThrows(InputException.class, () -> TdbStore.open(db));
        assertTrue(old.getMessage().contains("format claimgraph-tdb2/1") && old.getMessage().contains("load it again"), old.getMessage());

        TdbStore.write(seed, db);
        DatasetGraph tdb = TdbStore.open(db);
        TdbStore.close(tdb);
    }

    @Test
    void openRefusesWhatItCannotServe() throws IOException {
        InputException missing = assertThrows(InputException.class, () -> TdbStore.open(dir.resolve("missing")));
        assertTrue(missing.getMessage().contains("no such database"), missing.getMessage());
        Path other = Files.createDirectories(dir.resolve("other"));
        InputException foreign = assertThrows(InputException.class, () -> TdbStore.open(other));
        assertTrue(foreign.getMessage().contains("not a claimgraph database"), foreign.getMessage());

        Path db = dir.resolve("db");
        TdbStore.write(seed, db);
        DatasetGraph tdb = TdbStore.open(db);
        try {
            InputException twice = assertThrows(InputException.class, () -> TdbStore.open(db));
            assertTrue(twice.getMessage().contains("open in this process"), twice.getMessage());
            InputException replace = assertThrows(InputException.class, () -> TdbStore.write(seed, db));
            assertTrue(replace.getMessage().contains("open in this process"), replace.getMessage());
        } finally {
            TdbStore.close(tdb);
        }
        TdbStore.close(TdbStore.open(db));
    }

    @Test
    void deleteRemovesTheDatabaseWholeButNotWhileItIsServed() {
        Path db = dir.resolve("db");
        TdbStore.write(seed, db);
        DatasetGraph tdb = TdbStore.open(db);
        try {
            InputException served = assertThrows(InputException.class, () -> TdbStore.delete(db));
            assertTrue(served.getMessage().contains("open in this process"), served.getMessage());
        } finally {
            TdbStore.close(tdb);
        }
        TdbStore.delete(db);
        assertEquals(List.of(), allIn(dir), "no link, generation or lock file is left");
    }

    private static List<Path> allIn(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> siblings() {
        return Databases.entriesBesideDatabases(dir);
    }

    /** A source whose data stops arriving part of the way through, as a crashed build would. */
    private static final class FailsHalfWay extends DatasetGraphWrapper {
        FailsHalfWay(DatasetGraph dsg) {
            super(dsg);
        }

        @Override
        public Iterator<Quad> find() {
            Iterator<Quad> all = super.find();
            return new Iterator<>() {
                int n;

                @Override
                public boolean hasNext() {
                    return all.hasNext();
                }

                @Override
                public Quad next() {
                    if (++n > 100) throw new IllegalStateException("the source broke half-way");
                    return all.next();
                }
            };
        }
    }
}
