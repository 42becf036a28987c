package org.w3id.claimgraph.ingest;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes several files all or nothing: every file is first written in full to a temporary file beside its
 * target, then each is renamed into place; if any step fails, the files already renamed are put back as
 * they were (new ones removed, replaced ones restored) and the temporary files are deleted.
 */
final class FileTransaction {
    private final Map<Path, byte[]> contents = new LinkedHashMap<>();
    private final Map<Path, Boolean> mustBeNew = new LinkedHashMap<>();

    /** A new file: the commit fails if it exists by then. */
    FileTransaction create(Path target, byte[] bytes) {
        contents.put(target.toAbsolutePath(), bytes);
        mustBeNew.put(target.toAbsolutePath(), true);
        return this;
    }

    /** A file that is created or replaced. */
    FileTransaction replace(Path target, byte[] bytes) {
        contents.put(target.toAbsolutePath(), bytes);
        mustBeNew.put(target.toAbsolutePath(), false);
        return this;
    }

    void commit() throws IOException {
        Map<Path, Path> temps = new LinkedHashMap<>();
        Map<Path, byte[]> previous = new LinkedHashMap<>();
        List<Path> done = new ArrayList<>();
        try {
            for (Map.Entry<Path, byte[]> e : contents.entrySet()) {
                Path target = e.getKey();
                Files.createDirectories(target.getParent());
                if (mustBeNew.get(target) && Files.exists(target)) throw new FileAlreadyExistsException(target.toString());
                Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
                temps.put(target, temp);
                Files.write(temp, e.getValue());
                if (Files.exists(target)) previous.put(target, Files.readAllBytes(target));
            }
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                Path target = e.getKey();
                if (mustBeNew.get(target) && Files.exists(target)) throw new FileAlreadyExistsException(target.toString());
                move(e.getValue(), target);
                done.add(target);
            }
        } catch (IOException | RuntimeException e) {
            for (Path target : done) {
                try {
                    byte[] old = previous.get(target);
                    if (old == null) Files.deleteIfExists(target);
                    else Files.write(target, old);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        } finally {
            for (Path temp : temps.values()) Files.deleteIfExists(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
