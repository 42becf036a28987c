package org.w3id.claimgraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.w3id.claimgraph.store.TdbStore;

/** What a directory holding claimgraph databases contains, for tests that check nothing is left behind. */
public final class Databases {
    private Databases() {}

    /**
     * The entries of {@code dir}, sorted, without the parts every database has: the current generation its
     * link names and its lock file. What remains are the databases' names and anything else.
     */
    public static List<Path> entriesBesideDatabases(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.sorted().toList();
            return all.stream().filter(p -> !isPartOfADatabase(p, all)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isPartOfADatabase(Path p, List<Path> all) {
        for (Path db : all) {
            if (p.equals(TdbStore.lockFile(db))) return true;
            if (Files.isSymbolicLink(db) && p.toAbsolutePath().normalize().equals(TdbStore.location(db))) return true;
        }
        return false;
    }
}
