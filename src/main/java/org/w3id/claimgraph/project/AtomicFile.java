package org.w3id.claimgraph.project;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file so that readers see the old content or the complete new content, never a part. The new content
 * goes to a hidden file beside the target, created as any new file is (mode 0666 less the user's umask, unlike
 * {@code Files.createTempFile}'s 0600), then renamed over the target in one step.
 */
public final class AtomicFile {
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {}

    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path temp = createBeside(abs);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A new empty file {@code .NAME.RANDOM.tmp} beside {@code target}, with the umask's permissions. */
    private static Path createBeside(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) throw e;
            }
        }
    }
}
