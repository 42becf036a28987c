package org.w3id.claimgraph.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.w3id.claimgraph.project.InputException;
import org.w3id.claimgraph.project.PausePoint;

/**
 * How a database directory {@code NAME} is laid out so that replacing it is one rename: {@code NAME} is a
 * symbolic link to a generation {@code .NAME.gen-TIME-ID} beside it, a complete TDB2 database with its
 * {@link StoreMarker}. A load writes a new generation, then points {@code NAME} at it by renaming a new link
 * over the old one (rename(2) replaces a link atomically), then deletes the old generation. Whenever a process
 * dies, {@code NAME} names one complete database; what it leaves beside it (a generation not linked, a build
 * file, a temporary link) is removed by {@link #recover} at the next {@code load} or {@code serve}, which hold
 * the {@link StoreLock} while they do it. A database written before generations (a plain directory with the
 * marker) is served as it is and moved into a generation by the next load.
 */
final class StoreDirectory {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Path shown;
    private final Path parent;
    private final String name;

    /** @param dir absolute and normalised; {@code shown} is how the user named it, for messages */
    StoreDirectory(Path dir, Path shown) {
        this.dir = dir;
        this.shown = shown;
        this.parent = dir.getParent();
        this.name = dir.getFileName().toString();
    }

    /**
     * The directory the database is in now: the generation {@code NAME} links to, {@code NAME} itself for a
     * database written before generations, or null when there is none.
     */
    Path current() {
        try {
            if (Files.isSymbolicLink(dir)) return parent.resolve(Files.readSymbolicLink(dir)).normalize();
        } catch (IOException e) {
            throw new InputException(shown + ": cannot read the link: " + e.getMessage(), e);
        }
        return Files.exists(dir) ? dir : null;
    }

    /** Whether there is anything here: the directory or link, or what a killed write left beside it. */
    boolean exists() {
        try {
            return Files.exists(dir, LinkOption.NOFOLLOW_LINKS) || !leftovers().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** A name for a new generation. */
    Path newGeneration() {
        return parent.resolve("." + name + ".gen-" + TIME.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A name for the N-Quads file a load builds before loading it. */
    Path newBuildFile() {
        return parent.resolve("." + name + ".build-" + UUID.randomUUID() + ".nq");
    }

    /**
     * Repairs what a process killed in the middle of a write left: when {@code NAME} is missing but exactly
     * one complete database is beside it (a kill while an old-style database was being moved into a
     * generation, or between the two renames of the swap of earlier versions), {@code NAME} is pointed at it;
     * then everything a write leaves beside {@code NAME}, other than the database it names, is deleted.
     */
    void recover() {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) relinkSurvivor();
            Path current = current();
            for (Path leftover : leftovers()) {
                if (!leftover.equals(current)) deleteTree(leftover);
            }
        } catch (IOException e) {
            throw new InputException(shown + ": cannot clean up after an earlier load: " + e.getMessage(), e);
        }
    }

    private void relinkSurvivor() throws IOException {
        List<Path> complete = new ArrayList<>();
        for (Path p : leftovers()) {
            String n = p.getFileName().toString();
            boolean database = n.startsWith("." + name + ".gen-") || n.startsWith("." + name + ".replaced-");
            if (database && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && StoreMarker.read(p) != null) complete.add(p);
        }
        if (complete.isEmpty()) return;
        if (complete.size() > 1) {
            throw new InputException(shown + " is missing and " + complete.size() + " complete databases are beside it ("
                    + complete.stream().map(p -> p.getFileName().toString()).toList()
                    + "); rename the one to keep to " + name + " and delete the others");
        }
        Path survivor = complete.get(0);
        if (!survivor.getFileName().toString().startsWith("." + name + ".gen-")) {
            Path gen = newGeneration();
            Files.move(survivor, gen, StandardCopyOption.ATOMIC_MOVE);
            survivor = gen;
        }
        link(survivor);
    }

    /**
     * Moves a database written before generations (a plain directory) into one and links it, so that the
     * next switch is one rename. A process killed between the move and the link leaves {@code NAME} missing
     * and one complete generation beside it, which {@link #recover} links again. Done by a load before it
     * builds anything, so that there is never a second complete generation to choose from.
     */
    void adoptEarlierLayout() {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(dir)) return;
        try {
            Path moved = newGeneration();
            Files.move(dir, moved, StandardCopyOption.ATOMIC_MOVE);
            PausePoint.reached("migrate");
            Files.createSymbolicLink(dir, moved.getFileName());
        } catch (IOException e) {
            throw new InputException(shown + ": cannot move the database into a generation: " + e.getMessage(), e);
        }
    }

    /** Points {@code NAME} at {@code generation} with one rename and deletes the generation it named before. */
    void switchTo(Path generation) throws IOException {
        Files.createDirectories(parent);
        Path previous = current();
        link(generation);
        PausePoint.reached("swap-old");
        if (previous != null && !previous.equals(generation)) deleteTree(previous);
    }

    /** Makes {@code NAME} a link to {@code generation} (a sibling), replacing any link there in one rename. */
    private void link(Path generation) throws IOException {
        Path temporary = parent.resolve("." + name + ".link-" + UUID.randomUUID());
        Files.createSymbolicLink(temporary, generation.getFileName());
        PausePoint.reached("swap-link");
        Files.move(temporary, dir, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Everything a write of this database leaves beside it: generations, build files, links, old-style temporaries. */
    private List<Path> leftovers() throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(parent)) return found;
        String[] prefixes = {"." + name + ".gen-", "." + name + ".build-", ".." + name + ".build-", "." + name + ".link-",
                "." + name + ".loading-", "." + name + ".replaced-"};
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, p -> p.getFileName().toString().contains(name))) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                for (String prefix : prefixes) {
                    if (n.startsWith(prefix)) {
                        found.add(p);
                        break;
                    }
                }
            }
        }
        return found;
    }

    static void deleteTree(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return;
        if (Files.isSymbolicLink(path) || !Files.isDirectory(path)) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // Best effort: it is named so that it is obvious what it was, and the next load tries again.
            }
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort, as above.
        }
    }
}
