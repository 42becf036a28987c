package org.w3id.claimgraph.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.w3id.claimgraph.project.InputException;

/**
 * The lock that {@code load} and {@code serve --tdb} take on a database before anything else, so that they
 * exclude each other at once: a file {@code .NAME.lock} next to the database directory {@code NAME}, locked
 * with the operating system's file lock ({@link FileChannel#tryLock}), which is released when the process
 * ends however it ends, SIGKILL included. The holder writes what it is doing into the file, so that the one
 * refused can say who holds it. The file itself stays; only the lock on it comes and goes.
 */
final class StoreLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a database directory. */
    static Path file(Path dir) {
        return dir.resolveSibling("." + dir.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code dir} (absolute, normalised) for {@code purpose} ("load", "serve"), or fails at
     * once with an input error naming who holds it.
     */
    static StoreLock acquire(Path dir, Path shown, String purpose) {
        Path file = file(dir);
        FileChannel channel = null;
        try {
            Files.createDirectories(dir.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                throw new InputException(shown + ": the database is open in this process");
            }
            if (lock == null) {
                String holder = holder(channel);
                throw new InputException(shown + ": the database is in use by another process" + (holder.isEmpty() ? "" : " (" + holder + ")")
                        + "; stop it first (load and serve cannot use one database at the same time)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((purpose + " by process " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new StoreLock(channel, lock);
        } catch (IOException e) {
            close(channel);
            throw new InputException(shown + ": cannot lock " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(200);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
